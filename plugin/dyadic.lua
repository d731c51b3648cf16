-- dyadic Neovim plugin: commands only; the logic lives in lua/dyadic/nvim.lua and is loaded
-- on first use, so startup stays free of the C module.
-- luacheck: globals vim
if vim.g.loaded_dyadic then return end
vim.g.loaded_dyadic = true

local function nv() return require("dyadic.nvim") end

vim.api.nvim_create_user_command("DyadicHighlight", function() nv().highlight(0) end,
  { desc = "dyadic: mark actor mentions and cues in the buffer (updates on write)" })
vim.api.nvim_create_user_command("DyadicClear", function() nv().clear(0) end,
  { desc = "dyadic: remove the marks of the buffer" })
vim.api.nvim_create_user_command("DyadicSummary", function() nv().summary(0) end,
  { desc = "dyadic: actors and dyads of the buffer in a float; <CR> on a dyad: evidence to quickfix" })
