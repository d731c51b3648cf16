-- Leaders of the dyadic default lexicon: heads of state and government (and the heads
-- of a few organisations), with their dates in office. One string in the native lexicon
-- format; sources in lua/dyadic/data/README.md.
return [==[
#!dyadic-lexicon 1
# leaders.lua - heads of state and government with their dates in office (from/to inclusive,
# the day a leader took office / left it). A leader resolves to the country's code only
# inside the dates; outside them the name is not resolved. A surname alone is listed only
# when no other leader of a different country shared it in the same period; otherwise
# only the full name. Roles: GOV (executive). Several terms = several lines.
# The scope: G20 members, UN Security Council permanent members, G7, BRICS and other
# major powers, since 1990 (and the 1980s for the G7 and the USSR).

# ---- United States (president) ----
@actor code=USA type=leader role=GOV
Donald Trump | from=2017-01-20 to=2021-01-20
Trump | from=2017-01-20 to=2021-01-20
Donald Trump | from=2025-01-20
Trump | from=2025-01-20
Joe Biden | from=2021-01-20 to=2025-01-20
Biden | from=2021-01-20 to=2025-01-20
Barack Obama | from=2009-01-20 to=2017-01-20
Obama | from=2009-01-20 to=2017-01-20
George W. Bush | from=2001-01-20 to=2009-01-20
George Bush | from=1989-01-20 to=1993-01-20
George Bush | from=2001-01-20 to=2009-01-20
Bush | from=1989-01-20 to=1993-01-20
Bush | from=2001-01-20 to=2009-01-20
Bill Clinton | from=1993-01-20 to=2001-01-20
Clinton | from=1993-01-20 to=2001-01-20
Ronald Reagan | from=1981-01-20 to=1989-01-20
Reagan | from=1981-01-20 to=1989-01-20

# ---- Russia (president; prime minister) ----
@actor code=RUS type=leader role=GOV
# Putin: prime minister 1999-08-16..2000-05-07 (acting president from 1999-12-31),
# president 2000-05-07..2008-05-07, prime minister 2008-05-08..2012-05-07, president since 2012-05-07.
Vladimir Putin | from=1999-08-16 to=2008-05-07
Putin | from=1999-08-16 to=2008-05-07
Vladimir Putin | from=2008-05-08 to=2012-05-07
Putin | from=2008-05-08 to=2012-05-07
Vladimir Putin | from=2012-05-07
Putin | from=2012-05-07
# Medvedev: president 2008-05-07..2012-05-07, prime minister 2012-05-08..2020-01-16
Dmitry Medvedev | from=2008-05-07 to=2020-01-16
Medvedev | from=2008-05-07 to=2020-01-16
Mikhail Mishustin | from=2020-01-16
Mishustin | from=2020-01-16
# Yeltsin: president of the RSFSR from 1991-07-10, of Russia to 1999-12-31
Boris Yeltsin | from=1991-07-10 to=1999-12-31
Yeltsin | from=1991-07-10 to=1999-12-31
Viktor Chernomyrdin | from=1992-12-14 to=1998-03-23
Chernomyrdin | from=1992-12-14 to=1998-03-23
Yevgeny Primakov | from=1998-09-11 to=1999-05-12
Mikhail Kasyanov | from=2000-05-07 to=2004-02-24
Mikhail Fradkov | from=2004-03-05 to=2007-09-12

# ---- Soviet Union ----
@actor code=SUN type=leader role=GOV
Mikhail Gorbachev | from=1985-03-11 to=1991-12-25
Gorbachev | from=1985-03-11 to=1991-12-25
Nikolai Ryzhkov | from=1985-09-27 to=1991-01-14
Ryzhkov | from=1985-09-27 to=1991-01-14
Andrei Gromyko | from=1985-07-02 to=1988-10-01

# ---- China (general secretary / president; premier) ----
@actor code=CHN type=leader role=GOV
Xi Jinping | from=2012-11-15
Xi | from=2012-11-15 case=title
Li Qiang | from=2023-03-11
Li Keqiang | from=2013-03-15 to=2023-03-11
Hu Jintao | from=2002-11-15 to=2012-11-15
Wen Jiabao | from=2003-03-16 to=2013-03-15
Jiang Zemin | from=1989-06-24 to=2002-11-15
Zhu Rongji | from=1998-03-17 to=2003-03-16
Li Peng | from=1987-11-24 to=1998-03-17
Deng Xiaoping | from=1978-12-22 to=1992-10-19
Deng | from=1978-12-22 to=1992-10-19 case=title
Zhao Ziyang | from=1980-09-10 to=1989-06-24

# ---- United Kingdom (prime minister; monarch) ----
@actor code=GBR type=leader role=GOV
Keir Starmer | from=2024-07-05
Starmer | from=2024-07-05
Rishi Sunak | from=2022-10-25 to=2024-07-05
Sunak | from=2022-10-25 to=2024-07-05
Liz Truss | from=2022-09-06 to=2022-10-25
Truss | from=2022-09-06 to=2022-10-25
Boris Johnson | from=2019-07-24 to=2022-09-06
Theresa May | from=2016-07-13 to=2019-07-24
David Cameron | from=2010-05-11 to=2016-07-13
Cameron | from=2010-05-11 to=2016-07-13
Gordon Brown | from=2007-06-27 to=2010-05-11
Tony Blair | from=1997-05-02 to=2007-06-27
Blair | from=1997-05-02 to=2007-06-27
John Major | from=1990-11-28 to=1997-05-02
Margaret Thatcher | from=1979-05-04 to=1990-11-28
Thatcher | from=1979-05-04 to=1990-11-28
Queen Elizabeth | to=2022-09-08
King Charles | from=2022-09-08

# ---- France (president) ----
@actor code=FRA type=leader role=GOV
Emmanuel Macron | from=2017-05-14
Macron | from=2017-05-14
Francois Hollande | from=2012-05-15 to=2017-05-14
François Hollande | from=2012-05-15 to=2017-05-14
Hollande | from=2012-05-15 to=2017-05-14
Nicolas Sarkozy | from=2007-05-16 to=2012-05-15
Sarkozy | from=2007-05-16 to=2012-05-15
Jacques Chirac | from=1995-05-17 to=2007-05-16
Jacques Chirac | from=1986-03-20 to=1988-05-10
Chirac | from=1995-05-17 to=2007-05-16
Chirac | from=1986-03-20 to=1988-05-10
Francois Mitterrand | from=1981-05-21 to=1995-05-17
François Mitterrand | from=1981-05-21 to=1995-05-17
Mitterrand | from=1981-05-21 to=1995-05-17

# ---- Germany (chancellor; federal president) ----
@actor code=DEU type=leader role=GOV
Friedrich Merz | from=2025-05-06
Merz | from=2025-05-06
Olaf Scholz | from=2021-12-08 to=2025-05-06
Scholz | from=2021-12-08 to=2025-05-06
Angela Merkel | from=2005-11-22 to=2021-12-08
Merkel | from=2005-11-22 to=2021-12-08
Gerhard Schroeder | from=1998-10-27 to=2005-11-22
Gerhard Schröder | from=1998-10-27 to=2005-11-22
Schroeder | from=1998-10-27 to=2005-11-22
Schröder | from=1998-10-27 to=2005-11-22
Helmut Kohl | from=1982-10-01 to=1998-10-27
Kohl | from=1982-10-01 to=1998-10-27
Frank-Walter Steinmeier | from=2017-03-19
Steinmeier | from=2017-03-19

# ---- Japan (prime minister) ----
@actor code=JPN type=leader role=GOV
Sanae Takaichi | from=2025-10-21
Takaichi | from=2025-10-21
Shigeru Ishiba | from=2024-10-01 to=2025-10-21
Ishiba | from=2024-10-01 to=2025-10-21
Fumio Kishida | from=2021-10-04 to=2024-10-01
Kishida | from=2021-10-04 to=2024-10-01
Yoshihide Suga | from=2020-09-16 to=2021-10-04
Shinzo Abe | from=2006-09-26 to=2007-09-26
Shinzo Abe | from=2012-12-26 to=2020-09-16
Abe | from=2006-09-26 to=2007-09-26 case=title
Abe | from=2012-12-26 to=2020-09-16 case=title
Yoshihiko Noda | from=2011-09-02 to=2012-12-26
Naoto Kan | from=2010-06-08 to=2011-09-02
Yukio Hatoyama | from=2009-09-16 to=2010-06-08
Hatoyama | from=2009-09-16 to=2010-06-08
Taro Aso | from=2008-09-24 to=2009-09-16
Yasuo Fukuda | from=2007-09-26 to=2008-09-24
Junichiro Koizumi | from=2001-04-26 to=2006-09-26
Koizumi | from=2001-04-26 to=2006-09-26
Yoshiro Mori | from=2000-04-05 to=2001-04-26
Keizo Obuchi | from=1998-07-30 to=2000-04-05
Obuchi | from=1998-07-30 to=2000-04-05
Ryutaro Hashimoto | from=1996-01-11 to=1998-07-30
Tomiichi Murayama | from=1994-06-30 to=1996-01-11
Morihiro Hosokawa | from=1993-08-09 to=1994-04-28
Kiichi Miyazawa | from=1991-11-05 to=1993-08-09
Toshiki Kaifu | from=1989-08-10 to=1991-11-05
Noboru Takeshita | from=1987-11-06 to=1989-06-03
Takeshita | from=1987-11-06 to=1989-06-03
Yasuhiro Nakasone | from=1982-11-27 to=1987-11-06
Nakasone | from=1982-11-27 to=1987-11-06

# ---- Italy (prime minister; president) ----
@actor code=ITA type=leader role=GOV
Giorgia Meloni | from=2022-10-22
Meloni | from=2022-10-22
Mario Draghi | from=2021-02-13 to=2022-10-22
Giuseppe Conte | from=2018-06-01 to=2021-02-13
Paolo Gentiloni | from=2016-12-12 to=2018-06-01
Matteo Renzi | from=2014-02-22 to=2016-12-12
Renzi | from=2014-02-22 to=2016-12-12
Enrico Letta | from=2013-04-28 to=2014-02-22
Mario Monti | from=2011-11-16 to=2013-04-28
Silvio Berlusconi | from=1994-05-10 to=1995-01-17
Silvio Berlusconi | from=2001-06-11 to=2006-05-17
Silvio Berlusconi | from=2008-05-08 to=2011-11-16
Berlusconi | from=1994-05-10 to=1995-01-17
Berlusconi | from=2001-06-11 to=2006-05-17
Berlusconi | from=2008-05-08 to=2011-11-16
Romano Prodi | from=1996-05-18 to=1998-10-21
Romano Prodi | from=2006-05-17 to=2008-05-08
Sergio Mattarella | from=2015-02-03
Mattarella | from=2015-02-03
Giorgio Napolitano | from=2006-05-15 to=2015-01-14

# ---- Canada (prime minister) ----
@actor code=CAN type=leader role=GOV
Mark Carney | from=2025-03-14
Carney | from=2025-03-14
Justin Trudeau | from=2015-11-04 to=2025-03-14
Trudeau | from=2015-11-04 to=2025-03-14
Stephen Harper | from=2006-02-06 to=2015-11-04
Harper | from=2006-02-06 to=2015-11-04 case=title
Paul Martin | from=2003-12-12 to=2006-02-06
Jean Chretien | from=1993-11-04 to=2003-12-12
Jean Chrétien | from=1993-11-04 to=2003-12-12
Chretien | from=1993-11-04 to=2003-12-12
Chrétien | from=1993-11-04 to=2003-12-12
Kim Campbell | from=1993-06-25 to=1993-11-04
Brian Mulroney | from=1984-09-17 to=1993-06-25
Mulroney | from=1984-09-17 to=1993-06-25

# ---- India (prime minister) ----
@actor code=IND type=leader role=GOV
Narendra Modi | from=2014-05-26
Modi | from=2014-05-26
Manmohan Singh | from=2004-05-22 to=2014-05-26
Atal Bihari Vajpayee | from=1998-03-19 to=2004-05-22
Vajpayee | from=1998-03-19 to=2004-05-22
P. V. Narasimha Rao | from=1991-06-21 to=1996-05-16
Narasimha Rao | from=1991-06-21 to=1996-05-16
Rajiv Gandhi | from=1984-10-31 to=1989-12-02

# ---- Brazil (president) ----
@actor code=BRA type=leader role=GOV
Luiz Inacio Lula da Silva | from=2003-01-01 to=2011-01-01
Luiz Inácio Lula da Silva | from=2003-01-01 to=2011-01-01
Lula | from=2003-01-01 to=2011-01-01
Luiz Inacio Lula da Silva | from=2023-01-01
Luiz Inácio Lula da Silva | from=2023-01-01
Lula | from=2023-01-01
Jair Bolsonaro | from=2019-01-01 to=2023-01-01
Bolsonaro | from=2019-01-01 to=2023-01-01
Michel Temer | from=2016-05-12 to=2019-01-01
Temer | from=2016-05-12 to=2019-01-01
Dilma Rousseff | from=2011-01-01 to=2016-08-31
Rousseff | from=2011-01-01 to=2016-08-31
Fernando Henrique Cardoso | from=1995-01-01 to=2003-01-01
Cardoso | from=1995-01-01 to=2003-01-01
Fernando Collor | from=1990-03-15 to=1992-12-29
Jose Sarney | from=1985-03-15 to=1990-03-15
José Sarney | from=1985-03-15 to=1990-03-15
Sarney | from=1985-03-15 to=1990-03-15

# ---- South Africa (president) ----
@actor code=ZAF type=leader role=GOV
Cyril Ramaphosa | from=2018-02-15
Ramaphosa | from=2018-02-15
Jacob Zuma | from=2009-05-09 to=2018-02-14
Zuma | from=2009-05-09 to=2018-02-14
Thabo Mbeki | from=1999-06-14 to=2008-09-24
Mbeki | from=1999-06-14 to=2008-09-24
Nelson Mandela | from=1994-05-10 to=1999-06-14
Mandela | from=1994-05-10 to=1999-06-14
F. W. de Klerk | from=1989-09-20 to=1994-05-10
de Klerk | from=1989-09-20 to=1994-05-10
P. W. Botha | from=1978-10-09 to=1989-08-14

# ---- Ukraine (president) ----
@actor code=UKR type=leader role=GOV
Volodymyr Zelensky | from=2019-05-20
Volodymyr Zelenskyy | from=2019-05-20
Zelensky | from=2019-05-20
Zelenskyy | from=2019-05-20
Petro Poroshenko | from=2014-06-07 to=2019-05-20
Poroshenko | from=2014-06-07 to=2019-05-20
Viktor Yanukovych | from=2010-02-25 to=2014-02-22
Yanukovych | from=2010-02-25 to=2014-02-22
Viktor Yushchenko | from=2005-01-23 to=2010-02-25
Yushchenko | from=2005-01-23 to=2010-02-25
Leonid Kuchma | from=1994-07-19 to=2005-01-23
Kuchma | from=1994-07-19 to=2005-01-23
Leonid Kravchuk | from=1991-12-05 to=1994-07-19
Kravchuk | from=1991-12-05 to=1994-07-19

# ---- Iran (supreme leader; president) ----
@actor code=IRN type=leader role=GOV
Ali Khamenei | from=1981-10-13
Khamenei | from=1981-10-13
Ruhollah Khomeini | from=1979-02-11 to=1989-06-03
Khomeini | from=1979-02-11 to=1989-06-03
Masoud Pezeshkian | from=2024-07-28
Pezeshkian | from=2024-07-28
Ebrahim Raisi | from=2021-08-03 to=2024-05-19
Raisi | from=2021-08-03 to=2024-05-19
Hassan Rouhani | from=2013-08-03 to=2021-08-03
Rouhani | from=2013-08-03 to=2021-08-03
Mahmoud Ahmadinejad | from=2005-08-03 to=2013-08-03
Ahmadinejad | from=2005-08-03 to=2013-08-03
Mohammad Khatami | from=1997-08-03 to=2005-08-03
Khatami | from=1997-08-03 to=2005-08-03
Akbar Hashemi Rafsanjani | from=1989-08-03 to=1997-08-03
Rafsanjani | from=1989-08-03 to=1997-08-03

# ---- Israel (prime minister; president) ----
@actor code=ISR type=leader role=GOV
Benjamin Netanyahu | from=1996-06-18 to=1999-07-06
Benjamin Netanyahu | from=2009-03-31 to=2021-06-13
Benjamin Netanyahu | from=2022-12-29
Netanyahu | from=1996-06-18 to=1999-07-06
Netanyahu | from=2009-03-31 to=2021-06-13
Netanyahu | from=2022-12-29
Naftali Bennett | from=2021-06-13 to=2022-06-30
Yair Lapid | from=2022-07-01 to=2022-12-29
Ehud Olmert | from=2006-01-04 to=2009-03-31
Olmert | from=2006-01-04 to=2009-03-31
Ariel Sharon | from=2001-03-07 to=2006-04-14
Ehud Barak | from=1999-07-06 to=2001-03-07
Shimon Peres | from=1984-09-13 to=1986-10-20
Shimon Peres | from=1995-11-04 to=1996-06-18
Shimon Peres | from=2007-07-15 to=2014-07-24
Yitzhak Rabin | from=1992-07-13 to=1995-11-04
Rabin | from=1992-07-13 to=1995-11-04
Yitzhak Shamir | from=1986-10-20 to=1992-07-13
Shamir | from=1986-10-20 to=1992-07-13
Isaac Herzog | from=2021-07-07

# ---- Saudi Arabia (king; crown prince and prime minister) ----
@actor code=SAU type=leader role=GOV
King Salman | from=2015-01-23
Mohammed bin Salman | from=2017-06-21
Crown Prince Mohammed | from=2017-06-21
King Abdullah | from=2005-08-01 to=2015-01-23
King Fahd | from=1982-06-13 to=2005-08-01

# ---- Turkey (prime minister, then president) ----
@actor code=TUR type=leader role=GOV
Recep Tayyip Erdogan | from=2003-03-14
Recep Tayyip Erdoğan | from=2003-03-14
Erdogan | from=2003-03-14
Erdoğan | from=2003-03-14
Ahmet Davutoglu | from=2014-08-28 to=2016-05-24
Abdullah Gul | from=2007-08-28 to=2014-08-28
Abdullah Gül | from=2007-08-28 to=2014-08-28
Suleyman Demirel | from=1993-05-16 to=2000-05-16
Demirel | from=1993-05-16 to=2000-05-16
Turgut Ozal | from=1983-12-13 to=1993-04-17
Turgut Özal | from=1983-12-13 to=1993-04-17
Ozal | from=1983-12-13 to=1993-04-17
Özal | from=1983-12-13 to=1993-04-17

# ---- North Korea ----
@actor code=PRK type=leader role=GOV
Kim Jong Un | from=2011-12-17
Kim Jong-un | from=2011-12-17
Kim Jong Il | from=1994-07-08 to=2011-12-17
Kim Jong-il | from=1994-07-08 to=2011-12-17
Kim Il Sung | to=1994-07-08
Kim Il-sung | to=1994-07-08

# ---- South Korea (president) ----
@actor code=KOR type=leader role=GOV
Lee Jae-myung | from=2025-06-04
Yoon Suk Yeol | from=2022-05-10 to=2025-04-04
Yoon Suk-yeol | from=2022-05-10 to=2025-04-04
Moon Jae-in | from=2017-05-10 to=2022-05-10
Park Geun-hye | from=2013-02-25 to=2017-03-10
Lee Myung-bak | from=2008-02-25 to=2013-02-25
Roh Moo-hyun | from=2003-02-25 to=2008-02-25
Kim Dae-jung | from=1998-02-25 to=2003-02-25
Kim Young-sam | from=1993-02-25 to=1998-02-25
Roh Tae-woo | from=1988-02-25 to=1993-02-25
Chun Doo-hwan | from=1980-09-01 to=1988-02-25

# ---- Pakistan (prime minister; president) ----
@actor code=PAK type=leader role=GOV
Shehbaz Sharif | from=2022-04-11 to=2023-08-14
Shehbaz Sharif | from=2024-03-04
Nawaz Sharif | from=1990-11-06 to=1993-07-18
Nawaz Sharif | from=1997-02-17 to=1999-10-12
Nawaz Sharif | from=2013-06-05 to=2017-07-28
Imran Khan | from=2018-08-18 to=2022-04-10
Pervez Musharraf | from=1999-10-12 to=2008-08-18
Musharraf | from=1999-10-12 to=2008-08-18
Asif Ali Zardari | from=2008-09-09 to=2013-09-09
Asif Ali Zardari | from=2024-03-10
Zardari | from=2008-09-09 to=2013-09-09
Zardari | from=2024-03-10
Benazir Bhutto | from=1988-12-02 to=1990-08-06
Benazir Bhutto | from=1993-10-19 to=1996-11-05
Zia ul-Haq | from=1978-09-16 to=1988-08-17

# ---- Australia (prime minister) ----
@actor code=AUS type=leader role=GOV
Anthony Albanese | from=2022-05-23
Albanese | from=2022-05-23
Scott Morrison | from=2018-08-24 to=2022-05-23
Malcolm Turnbull | from=2015-09-15 to=2018-08-24
Turnbull | from=2015-09-15 to=2018-08-24
Tony Abbott | from=2013-09-18 to=2015-09-15
Kevin Rudd | from=2007-12-03 to=2010-06-24
Kevin Rudd | from=2013-06-27 to=2013-09-18
Julia Gillard | from=2010-06-24 to=2013-06-27
Gillard | from=2010-06-24 to=2013-06-27
John Howard | from=1996-03-11 to=2007-12-03
Paul Keating | from=1991-12-20 to=1996-03-11
Keating | from=1991-12-20 to=1996-03-11
Bob Hawke | from=1983-03-11 to=1991-12-20
Hawke | from=1983-03-11 to=1991-12-20

# ---- Argentina (president) ----
@actor code=ARG type=leader role=GOV
Javier Milei | from=2023-12-10
Milei | from=2023-12-10
Alberto Fernandez | from=2019-12-10 to=2023-12-10
Alberto Fernández | from=2019-12-10 to=2023-12-10
Mauricio Macri | from=2015-12-10 to=2019-12-10
Macri | from=2015-12-10 to=2019-12-10
Cristina Fernandez de Kirchner | from=2007-12-10 to=2015-12-10
Cristina Fernández de Kirchner | from=2007-12-10 to=2015-12-10
Nestor Kirchner | from=2003-05-25 to=2007-12-10
Néstor Kirchner | from=2003-05-25 to=2007-12-10
Kirchner | from=2003-05-25 to=2015-12-10
Carlos Menem | from=1989-07-08 to=1999-12-10
Menem | from=1989-07-08 to=1999-12-10
Raul Alfonsin | from=1983-12-10 to=1989-07-08
Raúl Alfonsín | from=1983-12-10 to=1989-07-08
Alfonsin | from=1983-12-10 to=1989-07-08
Alfonsín | from=1983-12-10 to=1989-07-08

# ---- Mexico (president) ----
@actor code=MEX type=leader role=GOV
Claudia Sheinbaum | from=2024-10-01
Sheinbaum | from=2024-10-01
Andres Manuel Lopez Obrador | from=2018-12-01 to=2024-09-30
Andrés Manuel López Obrador | from=2018-12-01 to=2024-09-30
Lopez Obrador | from=2018-12-01 to=2024-09-30
López Obrador | from=2018-12-01 to=2024-09-30
Enrique Pena Nieto | from=2012-12-01 to=2018-11-30
Enrique Peña Nieto | from=2012-12-01 to=2018-11-30
Felipe Calderon | from=2006-12-01 to=2012-11-30
Felipe Calderón | from=2006-12-01 to=2012-11-30
Vicente Fox | from=2000-12-01 to=2006-11-30
Ernesto Zedillo | from=1994-12-01 to=2000-11-30
Zedillo | from=1994-12-01 to=2000-11-30
Carlos Salinas | from=1988-12-01 to=1994-11-30
Miguel de la Madrid | from=1982-12-01 to=1988-11-30

# ---- Indonesia (president) ----
@actor code=IDN type=leader role=GOV
Prabowo Subianto | from=2024-10-20
Prabowo | from=2024-10-20
Joko Widodo | from=2014-10-20 to=2024-10-20
Jokowi | from=2014-10-20 to=2024-10-20
Susilo Bambang Yudhoyono | from=2004-10-20 to=2014-10-20
Yudhoyono | from=2004-10-20 to=2014-10-20
Megawati Sukarnoputri | from=2001-07-23 to=2004-10-20
Abdurrahman Wahid | from=1999-10-20 to=2001-07-23
B. J. Habibie | from=1998-05-21 to=1999-10-20
Habibie | from=1998-05-21 to=1999-10-20
Suharto | from=1967-03-12 to=1998-05-21
Soeharto | from=1967-03-12 to=1998-05-21

# ---- others often in international news ----
@actor type=leader role=GOV
Alexander Lukashenko | code=BLR from=1994-07-20
Lukashenko | code=BLR from=1994-07-20
Bashar al-Assad | code=SYR from=2000-07-17 to=2024-12-08
Hafez al-Assad | code=SYR from=1971-03-14 to=2000-06-10
Assad | code=SYR from=1971-03-14 to=2024-12-08
Ahmed al-Sharaa | code=SYR from=2024-12-08
Nicolas Maduro | code=VEN from=2013-03-05
Nicolás Maduro | code=VEN from=2013-03-05
Maduro | code=VEN from=2013-03-05
Hugo Chavez | code=VEN from=1999-02-02 to=2013-03-05
Hugo Chávez | code=VEN from=1999-02-02 to=2013-03-05
Chavez | code=VEN from=1999-02-02 to=2013-03-05
Chávez | code=VEN from=1999-02-02 to=2013-03-05
Fidel Castro | code=CUB from=1959-02-16 to=2008-02-24
Raul Castro | code=CUB from=2008-02-24 to=2018-04-19
Raúl Castro | code=CUB from=2008-02-24 to=2018-04-19
Castro | code=CUB from=1959-02-16 to=2018-04-19
Miguel Diaz-Canel | code=CUB from=2018-04-19
Miguel Díaz-Canel | code=CUB from=2018-04-19
Diaz-Canel | code=CUB from=2018-04-19
Díaz-Canel | code=CUB from=2018-04-19
Viktor Orban | code=HUN from=1998-07-06 to=2002-05-27
Viktor Orbán | code=HUN from=1998-07-06 to=2002-05-27
Viktor Orban | code=HUN from=2010-05-29
Viktor Orbán | code=HUN from=2010-05-29
Orban | code=HUN from=2010-05-29
Orbán | code=HUN from=2010-05-29
Abdel Fattah al-Sisi | code=EGY from=2014-06-08
Sisi | code=EGY from=2014-06-08
Hosni Mubarak | code=EGY from=1981-10-14 to=2011-02-11
Mubarak | code=EGY from=1981-10-14 to=2011-02-11
Mohamed Morsi | code=EGY from=2012-06-30 to=2013-07-03
Saddam Hussein | code=IRQ from=1979-07-16 to=2003-04-09
Saddam | code=IRQ from=1979-07-16 to=2003-04-09
Muammar Gaddafi | code=LBY from=1969-09-01 to=2011-08-23
Moammar Gadhafi | code=LBY from=1969-09-01 to=2011-08-23
Gaddafi | code=LBY from=1969-09-01 to=2011-08-23
Gadhafi | code=LBY from=1969-09-01 to=2011-08-23
Mohammed bin Zayed | code=ARE from=2022-05-14
Tamim bin Hamad Al Thani | code=QAT from=2013-06-25
Kassym-Jomart Tokayev | code=KAZ from=2019-03-20
Tokayev | code=KAZ from=2019-03-20
Nursultan Nazarbayev | code=KAZ from=1991-12-16 to=2019-03-20
Nazarbayev | code=KAZ from=1991-12-16 to=2019-03-20
Shavkat Mirziyoyev | code=UZB from=2016-09-08
Ilham Aliyev | code=AZE from=2003-10-31
Heydar Aliyev | code=AZE from=1993-06-15 to=2003-10-31
Aliyev | code=AZE from=1993-06-15
Nikol Pashinyan | code=ARM from=2018-05-08
Pashinyan | code=ARM from=2018-05-08
Rodrigo Duterte | code=PHL from=2016-06-30 to=2022-06-30
Duterte | code=PHL from=2016-06-30 to=2022-06-30
Ferdinand Marcos Jr. | code=PHL from=2022-06-30
Ferdinand Marcos | code=PHL from=1965-12-30 to=1986-02-25
Aung San Suu Kyi | code=MMR from=2016-04-06 to=2021-02-01
Min Aung Hlaing | code=MMR from=2021-02-01
Hun Sen | code=KHM from=1985-01-14 to=2023-08-22
Hun Manet | code=KHM from=2023-08-22
Lee Hsien Loong | code=SGP from=2004-08-12 to=2024-05-15
Lawrence Wong | code=SGP from=2024-05-15
Lee Kuan Yew | code=SGP from=1959-06-05 to=1990-11-28
Anwar Ibrahim | code=MYS from=2022-11-24
Mahathir Mohamad | code=MYS from=1981-07-16 to=2003-10-31
Mahathir Mohamad | code=MYS from=2018-05-10 to=2020-03-01
Mahathir | code=MYS from=1981-07-16 to=2003-10-31
Mahathir | code=MYS from=2018-05-10 to=2020-03-01
Abiy Ahmed | code=ETH from=2018-04-02
Bola Tinubu | code=NGA from=2023-05-29
Muhammadu Buhari | code=NGA from=2015-05-29 to=2023-05-29
William Ruto | code=KEN from=2022-09-13
Lai Ching-te | code=TWN from=2024-05-20
Tsai Ing-wen | code=TWN from=2016-05-20 to=2024-05-20
Ma Ying-jeou | code=TWN from=2008-05-20 to=2016-05-20
Chen Shui-bian | code=TWN from=2000-05-20 to=2008-05-20
Lee Teng-hui | code=TWN from=1988-01-13 to=2000-05-20
Donald Tusk | code=POL from=2007-11-16 to=2014-09-22
Donald Tusk | code=POL from=2023-12-13
Andrzej Duda | code=POL from=2015-08-06 to=2025-08-06
Karol Nawrocki | code=POL from=2025-08-06
Pedro Sanchez | code=ESP from=2018-06-02
Pedro Sánchez | code=ESP from=2018-06-02
Mariano Rajoy | code=ESP from=2011-12-21 to=2018-06-01
Jose Luis Rodriguez Zapatero | code=ESP from=2004-04-17 to=2011-12-21
José Luis Rodríguez Zapatero | code=ESP from=2004-04-17 to=2011-12-21
Zapatero | code=ESP from=2004-04-17 to=2011-12-21
Felipe Gonzalez | code=ESP from=1982-12-02 to=1996-05-05
Felipe González | code=ESP from=1982-12-02 to=1996-05-05
Mark Rutte | code=NLD from=2010-10-14 to=2024-07-02
Dick Schoof | code=NLD from=2024-07-02
Corazon Aquino | code=PHL from=1986-02-25 to=1992-06-30
Jose Napoleon Duarte | code=SLV from=1984-06-01 to=1989-06-01
Daniel Ortega | code=NIC from=1985-01-10 to=1990-04-25
Daniel Ortega | code=NIC from=2007-01-10
Ortega | code=NIC from=2007-01-10

# ---- finance ministers and central bank governors (economic principals) ----
# The people who speak for a state's economy: finance ministers (treasury secretary,
# chancellor of the exchequer) and central bank governors of the United States, the United
# Kingdom, Germany, Japan and France, from the mid-1980s. Same rules as above: dates in
# office, a surname alone only where no other public figure of the period shares it.
# France after 2024-09 and Japan 1991-2012 are not covered yet. Sources: README.md.
@actor code=USA type=leader role=GOV
James Baker | from=1985-02-04 to=1988-08-17
Nicholas Brady | from=1988-09-15 to=1993-01-17
Lloyd Bentsen | from=1993-01-20 to=1994-12-22
Bentsen | from=1993-01-20 to=1994-12-22
Robert Rubin | from=1995-01-11 to=1999-07-02
Lawrence Summers | from=1999-07-02 to=2001-01-20
Paul O'Neill | from=2001-01-20 to=2002-12-31
John Snow | from=2003-02-03 to=2006-06-30
Henry Paulson | from=2006-07-10 to=2009-01-20
Timothy Geithner | from=2009-01-26 to=2013-01-25
Geithner | from=2009-01-26 to=2013-01-25
Jack Lew | from=2013-02-28 to=2017-01-20
Steven Mnuchin | from=2017-02-13 to=2021-01-20
Mnuchin | from=2017-02-13 to=2021-01-20
Janet Yellen | from=2014-02-03 to=2018-02-03
Janet Yellen | from=2021-01-26 to=2025-01-20
Yellen | from=2014-02-03 to=2018-02-03
Yellen | from=2021-01-26 to=2025-01-20
Scott Bessent | from=2025-01-28
Bessent | from=2025-01-28
Paul Volcker | from=1979-08-06 to=1987-08-11
Volcker | from=1979-08-06 to=1987-08-11
Alan Greenspan | from=1987-08-11 to=2006-01-31
Greenspan | from=1987-08-11 to=2006-01-31
Ben Bernanke | from=2006-02-01 to=2014-01-31
Bernanke | from=2006-02-01 to=2014-01-31
Jerome Powell | from=2018-02-05

@actor code=GBR type=leader role=GOV
Geoffrey Howe | from=1979-05-04 to=1983-06-11
Nigel Lawson | from=1983-06-11 to=1989-10-26
Lawson | from=1983-06-11 to=1989-10-26
John Major | from=1989-10-26 to=1990-11-27
Norman Lamont | from=1990-11-28 to=1993-05-27
Lamont | from=1990-11-28 to=1993-05-27
Kenneth Clarke | from=1993-05-27 to=1997-05-02
Gordon Brown | from=1997-05-02 to=2007-06-26
Alistair Darling | from=2007-06-28 to=2010-05-11
George Osborne | from=2010-05-11 to=2016-07-13
Philip Hammond | from=2016-07-13 to=2019-07-24
Sajid Javid | from=2019-07-24 to=2020-02-13
Javid | from=2019-07-24 to=2020-02-13
Rishi Sunak | from=2020-02-13 to=2022-07-05
Sunak | from=2020-02-13 to=2022-07-05
Nadhim Zahawi | from=2022-07-05 to=2022-09-06
Zahawi | from=2022-07-05 to=2022-09-06
Kwasi Kwarteng | from=2022-09-06 to=2022-10-14
Kwarteng | from=2022-09-06 to=2022-10-14
Jeremy Hunt | from=2022-10-14 to=2024-07-05
Rachel Reeves | from=2024-07-05
Robin Leigh-Pemberton | from=1983-07-01 to=1993-06-30
Leigh-Pemberton | from=1983-07-01 to=1993-06-30
Eddie George | from=1993-07-01 to=2003-06-30
Mervyn King | from=2003-07-01 to=2013-06-30
Mark Carney | from=2013-07-01 to=2020-03-15
Andrew Bailey | from=2020-03-16

@actor code=DEU type=leader role=GOV
Gerhard Stoltenberg | from=1982-10-04 to=1989-04-21
Stoltenberg | from=1982-10-04 to=1989-04-21
Theo Waigel | from=1989-04-21 to=1998-10-27
Waigel | from=1989-04-21 to=1998-10-27
Oskar Lafontaine | from=1998-10-27 to=1999-03-18
Lafontaine | from=1998-10-27 to=1999-03-18
Hans Eichel | from=1999-04-12 to=2005-11-22
Peer Steinbrück | from=2005-11-22 to=2009-10-28
Peer Steinbrueck | from=2005-11-22 to=2009-10-28
Steinbrück | from=2005-11-22 to=2009-10-28
Steinbrueck | from=2005-11-22 to=2009-10-28
Wolfgang Schäuble | from=2009-10-28 to=2017-10-24
Wolfgang Schaeuble | from=2009-10-28 to=2017-10-24
Schäuble | from=2009-10-28 to=2017-10-24
Schaeuble | from=2009-10-28 to=2017-10-24
Olaf Scholz | from=2018-03-14 to=2021-12-07
Scholz | from=2018-03-14 to=2021-12-07
Christian Lindner | from=2021-12-08 to=2024-11-07
Jörg Kukies | from=2024-11-07 to=2025-05-06
Lars Klingbeil | from=2025-05-06
Karl Otto Pöhl | from=1980-01-01 to=1991-07-31
Karl Otto Poehl | from=1980-01-01 to=1991-07-31
Pöhl | from=1980-01-01 to=1991-07-31
Poehl | from=1980-01-01 to=1991-07-31
Helmut Schlesinger | from=1991-08-01 to=1993-09-30
Hans Tietmeyer | from=1993-10-01 to=1999-08-31
Tietmeyer | from=1993-10-01 to=1999-08-31
Ernst Welteke | from=1999-09-01 to=2004-04-16
Welteke | from=1999-09-01 to=2004-04-16
Axel Weber | from=2004-04-30 to=2011-04-30
Jens Weidmann | from=2011-05-01 to=2021-12-31
Weidmann | from=2011-05-01 to=2021-12-31
Joachim Nagel | from=2022-01-01

@actor code=JPN type=leader role=GOV
Noboru Takeshita | from=1982-11-27 to=1986-07-22
Takeshita | from=1982-11-27 to=1986-07-22
Kiichi Miyazawa | from=1986-07-22 to=1988-12-09
Miyazawa | from=1986-07-22 to=1988-12-09
Ryutaro Hashimoto | from=1989-08-10 to=1991-10-14
Taro Aso | from=2012-12-26 to=2021-10-04
Shunichi Suzuki | from=2021-10-04 to=2024-10-01
Katsunobu Kato | from=2024-10-01 to=2025-10-21
Satsuki Katayama | from=2025-10-21
Satoshi Sumita | from=1984-12-17 to=1989-12-16
Sumita | from=1984-12-17 to=1989-12-16
Yasushi Mieno | from=1989-12-17 to=1994-12-16
Mieno | from=1989-12-17 to=1994-12-16
Yasuo Matsushita | from=1994-12-17 to=1998-03-20
Masaru Hayami | from=1998-03-20 to=2003-03-19
Hayami | from=1998-03-20 to=2003-03-19
Toshihiko Fukui | from=2003-03-20 to=2008-03-19
Masaaki Shirakawa | from=2008-04-09 to=2013-03-19
Shirakawa | from=2008-04-09 to=2013-03-19
Haruhiko Kuroda | from=2013-03-20 to=2023-04-08
Kuroda | from=2013-03-20 to=2023-04-08
Kazuo Ueda | from=2023-04-09

@actor code=FRA type=leader role=GOV
Pierre Bérégovoy | from=1984-07-17 to=1986-03-20
Pierre Beregovoy | from=1984-07-17 to=1986-03-20
Beregovoy | from=1984-07-17 to=1986-03-20
Bérégovoy | from=1984-07-17 to=1986-03-20
Édouard Balladur | from=1986-03-20 to=1988-05-10
Edouard Balladur | from=1986-03-20 to=1988-05-10
Balladur | from=1986-03-20 to=1988-05-10
Pierre Bérégovoy | from=1988-05-12 to=1992-04-02
Pierre Beregovoy | from=1988-05-12 to=1992-04-02
Beregovoy | from=1988-05-12 to=1992-04-02
Bérégovoy | from=1988-05-12 to=1992-04-02
Christine Lagarde | from=2007-06-19 to=2011-06-29
François Baroin | from=2011-06-29 to=2012-05-15
Francois Baroin | from=2011-06-29 to=2012-05-15
Pierre Moscovici | from=2012-05-16 to=2014-04-02
Michel Sapin | from=2014-04-02 to=2017-05-17
Bruno Le Maire | from=2017-05-17 to=2024-09-21

# ---- heads of organisations (their organisation's code) ----
@actor type=leader role=GOV
Ursula von der Leyen | code=EU from=2019-12-01
von der Leyen | code=EU from=2019-12-01
Jean-Claude Juncker | code=EU from=2014-11-01 to=2019-11-30
Juncker | code=EU from=2014-11-01 to=2019-11-30
Jose Manuel Barroso | code=EU from=2004-11-22 to=2014-10-31
José Manuel Barroso | code=EU from=2004-11-22 to=2014-10-31
Jacques Delors | code=EU from=1985-01-07 to=1995-01-22
Antonio Guterres | code=UN from=2017-01-01
António Guterres | code=UN from=2017-01-01
Guterres | code=UN from=2017-01-01
Ban Ki-moon | code=UN from=2007-01-01 to=2016-12-31
Kofi Annan | code=UN from=1997-01-01 to=2006-12-31
Annan | code=UN from=1997-01-01 to=2006-12-31
Javier Perez de Cuellar | code=UN from=1982-01-01 to=1991-12-31
Javier Pérez de Cuéllar | code=UN from=1982-01-01 to=1991-12-31
Perez de Cuellar | code=UN from=1982-01-01 to=1991-12-31
Mark Rutte | code=NATO from=2024-10-01
Jens Stoltenberg | code=NATO from=2014-10-01 to=2024-10-01
Stoltenberg | code=NATO from=2014-10-01 to=2024-10-01
]==]
