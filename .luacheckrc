std = "min"
read_globals = { "vim", "jit", "love", "bit" }
max_line_length = 120
exclude_files = { "build/**", ".luarocks/**", "lua_modules/**" }
files["spec/**"] = { std = "+busted" }
files["spec/hosts/nvim/**"] = { read_globals = { "vim" } }
files["examples/love/**"] = { globals = { "love" } }
