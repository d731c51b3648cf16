-- Sectors of the dyadic default lexicon: the domains a relationship is about (energy,
-- finance, technology...). One string in the native lexicon format; see README.md.
return [==[
#!dyadic-lexicon 1
# sectors.lua - sector names are single lower-case words. A term may also be a cue
# ("sanction*" is a conflict cue and a sanctions sector term): kinds match independently.
# A prefix pattern must not catch common words of other meanings: "import*" would catch
# "important", so the forms are listed.

@sector sector=energy
oil
crude
petroleum
gas
natural gas
LNG | case=title
liquefied natural gas
pipeline*
gas pipeline*
oil pipeline*
Power of Siberia
Nord Stream
refiner*
oilfield*
oil field*
gasfield*
barrel*
energy
coal
nuclear power
nuclear plant*
nuclear reactor*
power plant*
electricity
uranium
Rosneft
Gazprom
Sinopec
CNPC | case=title
Saudi Aramco
Aramco
renewable*
solar
wind power
hydropower

@sector sector=finance
finance
financial
financing
financed
financier*
yuan
renminbi
ruble*
rouble*
dollar*
euro
euros
currency
currencies
SWIFT | case=title
CIPS | case=title
payment*
settlement*
bank
banks
banking
central bank*
correspondent bank*
interbank
lender*
lending
clearing bank*
clearing house*
clearing system*
payments clearing
remittance*
money transfer*
bond*
debt
loan*
credit*
investment*
investor*
capital flows
foreign exchange
forex
exchange rate*
reserve*
gold reserve*
sovereign wealth fund*
dedollari*
de-dollari*
stock market*
stock exchange*
Mir card*
UnionPay

@sector sector=technology
technology
technologies
tech
semiconductor*
chip*
microchip*
microelectronic*
export control*
dual-use
high-tech
artificial intelligence
AI | case=title
telecom*
5G | case=title
Huawei
software
electronics
machine tool*
quantum

@sector sector=military
military
arms
weapon*
troops
soldier*
army
armies
navy
naval
air force
drone*
missile*
military exercise*
joint exercise*
defense
defence
warship*
fighter jet*
tank
tanks
artillery
ammunition
munitions
nuclear weapon*
warhead*
S-400 | case=title
arms sales
arms deal*
arms control

@sector sector=trade
trade
trading
tariff*
export*
import
imports
imported
importer*
importing
market access
market share
trade deficit*
trade surplus*
free trade
supply chain*
shipment*
goods
commodit*
customs
WTO | case=title

@sector sector=diplomacy
summit*
diplomat*
visit*
talks
negotiation*
ambassador*
embassy
embassies
foreign minister*
foreign ministry
state visit*
UN vote*
Security Council vote*
joint statement*
communique*
communiqué*
envoy*

@sector sector=sanctions
sanction*
embargo*
price cap*
asset freeze*
frozen assets
blacklist*
entity list
secondary sanctions
export ban*

@sector sector=agriculture
agricultur*
grain*
wheat
corn
maize
soybean*
soya*
rice
fertili*
food security
farm*
fisher*
livestock
sugar
cocoa
coffee

@sector sector=cyber
cyber*
hacker*
hacking
ransomware
malware
disinformation
cyberattack*
cyber attack*

@sector sector=space
space
satellite*
spacecraft
lunar
orbit*
rocket launch*
space station
GLONASS | case=title
BeiDou

@sector sector=health
health
pandemic
epidemic
vaccine*
COVID-19
COVID | case=title
coronavirus
hospital*
medicine*
medical

@sector sector=migration
migration
migrant*
refugee*
asylum
border crossing*
deportation*
displaced

@sector sector=transport
shipping
port
ports
railway*
rail link*
Northern Sea Route
Belt and Road
logistics
freight
airline*

@sector sector=minerals
rare earth*
lithium
nickel
cobalt
copper
aluminium
aluminum
critical minerals
mining
]==]
