-- Intergovernmental organisations of the dyadic default lexicon (type=igo). One string in
-- the native lexicon format; codes and choices in lua/dyadic/data/README.md.
return [==[
#!dyadic-lexicon 1
# organisations.lua - intergovernmental organisations and groupings of states (type=igo).
# Codes are short upper-case names (the organisation's own acronym where one is standard).
# Acronyms that are also ordinary words or common abbreviations carry case=title (they must
# be written in capitals' first letter; the matcher folds the rest).

@actor code=UN type=igo
United Nations
UN | case=title
U.N.
UN General Assembly
U.N. General Assembly
United Nations General Assembly
UN Secretariat
UN Secretary-General
U.N. Secretary-General

@actor code=UNSC type=igo
UN Security Council
U.N. Security Council
United Nations Security Council
Security Council | case=title

@actor code=NATO type=igo
NATO | case=title
Nato | case=title
North Atlantic Treaty Organization
North Atlantic Treaty Organisation
North Atlantic Alliance
Atlantic Alliance

# The European Union and, before 1993-11-01, the European Communities (one code, so that
# series run across Maastricht). "Brussels" is read as the EU, the seat of its institutions
# and its usual metonymy in international news ("Brussels and Beijing"); Belgium is found
# by its own names (measured: no change in the Reuters places benchmark either way).
@actor code=EU type=igo
European Union
EU | case=title
E.U.
European Commission
EU Commission
European Council
Council of the European Union
European Parliament | role=LEG
Eurogroup
European Community | to=1993-10-31
European Communities | to=1993-10-31
European Economic Community | to=1993-10-31
EC | case=title to=1993-10-31
EEC | case=title to=1993-10-31
E.C. | to=1993-10-31
Common Market | case=title to=1993-10-31
European Central Bank
ECB | case=title
Brussels | type=capital role=GOV

@actor code=SCO type=igo
Shanghai Cooperation Organisation
Shanghai Cooperation Organization
SCO | case=title

@actor code=BRICS type=igo
BRICS | case=title
BRIC | case=title to=2010-12-23

@actor code=G7 type=igo
G7 | case=title
G-7 | case=title
Group of Seven
G8 | case=title from=1997-06-20 to=2014-03-24
G-8 | case=title from=1997-06-20 to=2014-03-24
Group of Eight | from=1997-06-20 to=2014-03-24

@actor code=G20 type=igo
G20 | case=title
G-20 | case=title
Group of 20
Group of Twenty

@actor code=ASEAN type=igo
ASEAN | case=title
Association of Southeast Asian Nations
Association of South East Asian Nations

@actor code=AU type=igo
African Union | from=2002-07-09
Organisation of African Unity | to=2002-07-08
Organization of African Unity | to=2002-07-08
OAU | case=title to=2002-07-08

@actor code=OPEC type=igo
OPEC | case=title
Organization of the Petroleum Exporting Countries
Organization of Petroleum Exporting Countries
Organisation of the Petroleum Exporting Countries

@actor code=OPECPLUS type=igo
OPEC+ | from=2016-12-10
OPEC Plus | from=2016-12-10

@actor code=IMF type=igo
International Monetary Fund
IMF | case=title

@actor code=WB type=igo
World Bank
International Bank for Reconstruction and Development

@actor code=WTO type=igo
World Trade Organization | from=1995-01-01
World Trade Organisation | from=1995-01-01
WTO | case=title from=1995-01-01
General Agreement on Tariffs and Trade | to=1994-12-31
GATT | case=title to=1994-12-31

@actor code=IAEA type=igo
International Atomic Energy Agency
IAEA | case=title

@actor code=ARL type=igo
Arab League
League of Arab States

@actor code=GCC type=igo
Gulf Cooperation Council
Cooperation Council for the Arab States of the Gulf
GCC | case=title

@actor code=EAEU type=igo
Eurasian Economic Union | from=2015-01-01
EAEU | case=title from=2015-01-01
EEU | case=title from=2015-01-01

@actor code=CSTO type=igo
Collective Security Treaty Organization
Collective Security Treaty Organisation
CSTO | case=title

@actor code=CIS type=igo
Commonwealth of Independent States | from=1991-12-08

@actor code=QUAD type=igo
Quadrilateral Security Dialogue
Quad | case=title from=2007-05-25

@actor code=AUKUS type=igo
AUKUS | case=title from=2021-09-15

@actor code=MERCOSUR type=igo
Mercosur | case=title
Mercosul | case=title
Southern Common Market

@actor code=OSCE type=igo
Organization for Security and Co-operation in Europe
Organization for Security and Cooperation in Europe
OSCE | case=title

@actor code=OECD type=igo
Organisation for Economic Co-operation and Development
Organization for Economic Cooperation and Development
OECD | case=title

@actor code=ICC type=igo
International Criminal Court | from=2002-07-01

@actor code=ICJ type=igo
International Court of Justice
World Court | case=title

@actor code=WHO type=igo
World Health Organization
World Health Organisation

@actor code=APEC type=igo
Asia-Pacific Economic Cooperation
APEC | case=title

@actor code=COMECON type=igo
Comecon | case=title to=1991-06-28
Council for Mutual Economic Assistance | to=1991-06-28
CMEA | case=title to=1991-06-28

@actor code=WARSAW type=igo
Warsaw Pact | to=1991-07-01
]==]
