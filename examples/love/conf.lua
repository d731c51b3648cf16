-- LÖVE 11.x configuration for the dyadic network viewer (see main.lua).
function love.conf(t)
  t.identity = "dyadic-network"
  t.version = "11.4"
  t.console = false
  t.window.title = "dyadic: actor network"
  t.window.width = 1000
  t.window.height = 700
  t.window.resizable = true
  t.window.highdpi = false
  t.window.vsync = 1
  -- nothing here makes sound, reads joysticks or simulates physics
  t.modules.audio = false
  t.modules.sound = false
  t.modules.joystick = false
  t.modules.physics = false
  t.modules.video = false
end
