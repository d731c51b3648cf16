--- dyadic.data: the modules that make up the default lexicon, in load order. Each
-- module returns one string in the native lexicon format (see README.md here); they
-- are Lua modules so that `require` finds them wherever dyadic is installed, Neovim
-- and LÖVE's sandboxed filesystem included.
return {
  "dyadic.data.countries",
  "dyadic.data.leaders",
  "dyadic.data.organisations",
  "dyadic.data.regions",
  "dyadic.data.cues",
  "dyadic.data.sectors",
  "dyadic.data.guards",
}
