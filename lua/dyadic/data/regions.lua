-- Regions and blocs of the dyadic default lexicon (type=region). One string in the native
-- lexicon format; codes in lua/dyadic/data/README.md.
return [==[
#!dyadic-lexicon 1
# regions.lua - regions and political blocs named as actors ("the West warned...",
# "Europe's dependence on..."). Codes are three-letter and do not collide with ISO 3166
# alpha-3 codes (X.. and a few letter codes ISO leaves unassigned at the time of writing).
# Being longer, these also stop "America" in "Latin America" and "Korea" in
# "Korean Peninsula" from reading as a country. "West" (capitalized) is the Western bloc:
# compounds that are places are longer entries elsewhere (West Germany, West Bank, West
# Africa, West Virginia) or discards in guards.lua (West Coast, West End...).

@actor code=EUR type=region
Europe
European | case=title
Europeans
Western Europe
Eastern Europe
Central Europe
Central and Eastern Europe

@actor code=WST type=region
West | case=title
Western powers
Western countries
Western nations
Western governments
Western allies
Western democracies
Western sanctions

@actor code=XGS type=region
Global South
developing world
developing countries
developing nations
Third World | case=title

@actor code=XME type=region
Middle East
Mideast
Near East
Gulf states
Persian Gulf
Arabian Gulf
Gulf region

@actor code=XAP type=region
Asia-Pacific
Asia Pacific
Indo-Pacific
Indo Pacific
Pacific Rim

@actor code=XAS type=region
Asia
Asian
Asians
East Asia
Southeast Asia
South East Asia
South Asia
Central Asia
Central Asian
Northeast Asia
Far East | case=title

@actor code=XAF type=region
Africa
African
Africans
Sub-Saharan Africa
West Africa
East Africa
North Africa
Southern Africa
Central Africa
Horn of Africa
Sahel

@actor code=XLA type=region
Latin America
Latin American
Latin Americans
South America
South American
Central America
Central American
Caribbean
Andean

@actor code=XNA type=region
North America
North American

@actor code=XAR type=region
Arctic
Arctic region
High North | case=title

@actor code=XEA type=region
Eurasia
Eurasian

@actor code=XKP type=region
Korean Peninsula

@actor code=XBK type=region
Balkans
Balkan
Western Balkans

@actor code=XBL type=region
Baltic states
Baltic republics
Baltic | case=title
]==]
