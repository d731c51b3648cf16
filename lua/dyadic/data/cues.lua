-- Cues of the dyadic default lexicon: cooperation and conflict (by CAMEO root code, with
-- the Goldstein value GDELT publishes for that code), dependency, hedges, certainty,
-- negation, intensifiers, contrast, and the grammar cues (passive, agent, coordination).
-- One string in the native lexicon format; sources in lua/dyadic/data/README.md.
return [==[
#!dyadic-lexicon 1
# cues.lua - every cameo=/goldstein= pair below is the CAMEO event code and its value in
# GDELT's CAMEO.goldsteinscale.txt (spec/10-default-lexicon_spec.lua checks them against
# the table when ../shared is present). "word*" matches any word with that prefix, so
# prefixes are chosen long enough not to catch unrelated words ("sign*" would catch
# "significant"; the forms are listed instead).

# ======== cooperation ========
@cue category=coop

# 02 appeal
appeal to | cameo=020 goldstein=3.0
appeals to | cameo=020 goldstein=3.0
appealed to | cameo=020 goldstein=3.0
appealing to | cameo=020 goldstein=3.0
called on | cameo=020 goldstein=3.0
calls on | cameo=020 goldstein=3.0
urged | cameo=020 goldstein=3.0
urges | cameo=020 goldstein=3.0

# 03 express intent to cooperate
pledge* | cameo=030 goldstein=4.0
promised | cameo=030 goldstein=4.0
promises | cameo=030 goldstein=4.0
promise to | cameo=030 goldstein=4.0
vow to | cameo=030 goldstein=4.0
vows to | cameo=030 goldstein=4.0
vowed to | cameo=030 goldstein=4.0
committed to | cameo=030 goldstein=4.0
commits to | cameo=030 goldstein=4.0
commitment to | cameo=030 goldstein=4.0
agreed to | cameo=030 goldstein=4.0
agrees to | cameo=030 goldstein=4.0
agree to | cameo=030 goldstein=4.0
offer to | cameo=030 goldstein=4.0
offers to | cameo=030 goldstein=4.0
offered to | cameo=030 goldstein=4.0
offering to | cameo=030 goldstein=4.0
intent to cooperate | cameo=030 goldstein=4.0
willingness to cooperate | cameo=030 goldstein=4.0
offer aid | cameo=033 goldstein=5.2
offers aid | cameo=033 goldstein=5.2
offered aid | cameo=033 goldstein=5.2
offering aid | cameo=033 goldstein=5.2
propose talks | cameo=036 goldstein=4.0
proposes talks | cameo=036 goldstein=4.0
proposed talks | cameo=036 goldstein=4.0
offer to negotiate | cameo=036 goldstein=4.0
offers to negotiate | cameo=036 goldstein=4.0
offered to negotiate | cameo=036 goldstein=4.0
offering to negotiate | cameo=036 goldstein=4.0
invite* | cameo=036 goldstein=4.0
invitation | cameo=036 goldstein=4.0

# 04 consult
met with | cameo=040 goldstein=1.0
meet with | cameo=040 goldstein=1.0
meets with | cameo=040 goldstein=1.0
meeting with | cameo=040 goldstein=1.0
talks with | cameo=040 goldstein=1.0
held talks | cameo=040 goldstein=1.0
consulted | cameo=040 goldstein=1.0
consultations | cameo=040 goldstein=1.0
consult with | cameo=040 goldstein=1.0
phone call | cameo=040 goldstein=1.0
telephone call* | cameo=040 goldstein=1.0
telephoned | cameo=040 goldstein=1.0
visited | cameo=042 goldstein=1.9
visits | cameo=042 goldstein=1.9
visiting | cameo=042 goldstein=1.9
state visit | cameo=042 goldstein=1.9
hosted | cameo=043 goldstein=2.8
hosts | cameo=043 goldstein=2.8
hosting | cameo=043 goldstein=2.8
welcomed | cameo=043 goldstein=2.8
mediat* | cameo=045 goldstein=5.0
negotiat* | cameo=046 goldstein=7.0

# 05 engage in diplomatic cooperation
praise* | cameo=051 goldstein=3.4
endorse* | cameo=051 goldstein=3.4
commend* | cameo=051 goldstein=3.4
defended | cameo=052 goldstein=3.5
rally support | cameo=053 goldstein=3.8
rallies support | cameo=053 goldstein=3.8
rallied support | cameo=053 goldstein=3.8
diplomatic recognition | cameo=054 goldstein=6.0
recognised the independence | cameo=054 goldstein=6.0
recognized the independence | cameo=054 goldstein=6.0
apologi* | cameo=055 goldstein=7.0
forgive* | cameo=056 goldstein=7.0
signed | cameo=057 goldstein=8.0
signing | cameo=057 goldstein=8.0
signs | cameo=057 goldstein=8.0
sign an agreement | cameo=057 goldstein=8.0
sign a deal | cameo=057 goldstein=8.0
sign a treaty | cameo=057 goldstein=8.0
agreement | cameo=057 goldstein=8.0
agreements | cameo=057 goldstein=8.0
accord | cameo=057 goldstein=8.0
accords | cameo=057 goldstein=8.0
treaty | cameo=057 goldstein=8.0
treaties | cameo=057 goldstein=8.0
memorandum of understanding | cameo=057 goldstein=8.0
cooperat* | cameo=050 goldstein=3.5
co-operat* | cameo=050 goldstein=3.5
collaborat* | cameo=050 goldstein=3.5

# 06 engage in material cooperation
economic cooperation | cameo=061 goldstein=6.4
economic co-operation | cameo=061 goldstein=6.4
joint venture* | cameo=061 goldstein=6.4
military cooperation | cameo=062 goldstein=7.4
defence cooperation | cameo=062 goldstein=7.4
defense cooperation | cameo=062 goldstein=7.4
joint military exercise* | cameo=062 goldstein=7.4
joint exercise* | cameo=062 goldstein=7.4
joint drills | cameo=062 goldstein=7.4
extradit* | cameo=063 goldstein=7.4
intelligence sharing | cameo=064 goldstein=7.0
share intelligence | cameo=064 goldstein=7.0
shares intelligence | cameo=064 goldstein=7.0
shared intelligence | cameo=064 goldstein=7.0
sharing intelligence | cameo=064 goldstein=7.0

# 07 provide aid
aid | cameo=070 goldstein=7.0
assistance | cameo=070 goldstein=7.0
donat* | cameo=070 goldstein=7.0
economic aid | cameo=071 goldstein=7.4
financial aid | cameo=071 goldstein=7.4
loan | cameo=071 goldstein=7.4
loans | cameo=071 goldstein=7.4
credit line* | cameo=071 goldstein=7.4
military aid | cameo=072 goldstein=8.3
arms deliver* | cameo=072 goldstein=8.3
humanitarian aid | cameo=073 goldstein=7.4
humanitarian assistance | cameo=073 goldstein=7.4

# 08 yield
concession* | cameo=080 goldstein=5.0
ease sanctions | cameo=081 goldstein=5.0
eases sanctions | cameo=081 goldstein=5.0
eased sanctions | cameo=081 goldstein=5.0
easing sanctions | cameo=081 goldstein=5.0
lift sanctions | cameo=081 goldstein=5.0
lifts sanctions | cameo=081 goldstein=5.0
lifted sanctions | cameo=081 goldstein=5.0
lifting sanctions | cameo=081 goldstein=5.0
released prisoners | cameo=0841 goldstein=7.0
prisoner exchange | cameo=0841 goldstein=7.0
prisoner swap | cameo=0841 goldstein=7.0
ceasefire | cameo=0871 goldstein=9.0
cease-fire | cameo=0871 goldstein=9.0
truce | cameo=0871 goldstein=9.0
armistice | cameo=0871 goldstein=9.0
withdraw troops | cameo=0874 goldstein=10.0
withdraws troops | cameo=0874 goldstein=10.0
withdrew troops | cameo=0874 goldstein=10.0
withdrawing troops | cameo=0874 goldstein=10.0
withdrawal of troops | cameo=0874 goldstein=10.0
pull out troops | cameo=0874 goldstein=10.0
pulls out troops | cameo=0874 goldstein=10.0
pulled out troops | cameo=0874 goldstein=10.0
pulling out troops | cameo=0874 goldstein=10.0

# without a CAMEO code: tone words (weight from the lexicon default)
support* | weight=0.5
backed | weight=0.3
backing | weight=0.3
backs | weight=0.3
partner | weight=0.5
partners | weight=0.5
partnership* | weight=1
strategic partnership | weight=1.5
alliance* | weight=1
ally | weight=1
allies | weight=1
allied | weight=0.5
friendship | weight=1
friendly | weight=0.5
rapprochement | weight=1
solidarity | weight=0.5
align* | weight=0.5
closer ties | weight=1
close ties | weight=1
strengthen ties | weight=1
strengthens ties | weight=1
strengthened ties | weight=1
strengthening ties | weight=1
deepen ties | weight=1
deepens ties | weight=1
deepened ties | weight=1
deepening ties | weight=1
mutual trust | weight=1
common ground | weight=0.5
no limits | weight=1
win-win | weight=0.5

# ======== conflict ========
@cue category=conflict

# 09 investigate
investigat* | cameo=090 goldstein=-2.0
probe into | cameo=090 goldstein=-2.0
# 10 demand
demanded | cameo=100 goldstein=-5.0
demand that | cameo=100 goldstein=-5.0
demands that | cameo=100 goldstein=-5.0
demanding that | cameo=100 goldstein=-5.0
# 11 disapprove
criticiz* | cameo=111 goldstein=-2.0
criticis* | cameo=111 goldstein=-2.0
criticism | cameo=111 goldstein=-2.0
condemn* | cameo=111 goldstein=-2.0
denounc* | cameo=111 goldstein=-2.0
rebuke* | cameo=111 goldstein=-2.0
accus* | cameo=112 goldstein=-2.0
blame* | cameo=112 goldstein=-2.0
complain* | cameo=114 goldstein=-2.0
formal protest | cameo=114 goldstein=-2.0
lawsuit* | cameo=115 goldstein=-2.0
# 12 reject
reject* | cameo=120 goldstein=-4.0
rebuff* | cameo=120 goldstein=-4.0
veto* | cameo=120 goldstein=-4.0
# 13 threaten
warn* | cameo=130 goldstein=-4.4
threat* | cameo=130 goldstein=-4.4
threaten sanctions | cameo=131 goldstein=-5.8
threatens sanctions | cameo=131 goldstein=-5.8
threatened sanctions | cameo=131 goldstein=-5.8
threatening sanctions | cameo=131 goldstein=-5.8
threaten force | cameo=138 goldstein=-7.0
threatens force | cameo=138 goldstein=-7.0
threatened force | cameo=138 goldstein=-7.0
threatening force | cameo=138 goldstein=-7.0
threaten military action | cameo=138 goldstein=-7.0
threatens military action | cameo=138 goldstein=-7.0
threatened military action | cameo=138 goldstein=-7.0
threatening military action | cameo=138 goldstein=-7.0
ultimatum* | cameo=139 goldstein=-7.0
# 14 protest
protest* | cameo=140 goldstein=-6.5
demonstrate against | cameo=141 goldstein=-6.5
demonstrated against | cameo=141 goldstein=-6.5
demonstrating against | cameo=141 goldstein=-6.5
demonstration against | cameo=141 goldstein=-6.5
demonstrations against | cameo=141 goldstein=-6.5
# 15 exhibit force posture
show of force | cameo=150 goldstein=-7.2
military buildup | cameo=150 goldstein=-7.2
military build-up | cameo=150 goldstein=-7.2
troop buildup | cameo=150 goldstein=-7.2
mobiliz* | cameo=152 goldstein=-7.2
mobilis* | cameo=152 goldstein=-7.2
# 16 reduce relations
suspend* | cameo=160 goldstein=-4.0
downgrade ties | cameo=161 goldstein=-4.0
downgrades ties | cameo=161 goldstein=-4.0
downgraded ties | cameo=161 goldstein=-4.0
downgrading ties | cameo=161 goldstein=-4.0
sever ties | cameo=161 goldstein=-4.0
severs ties | cameo=161 goldstein=-4.0
severed ties | cameo=161 goldstein=-4.0
severing ties | cameo=161 goldstein=-4.0
cut ties | cameo=161 goldstein=-4.0
cuts ties | cameo=161 goldstein=-4.0
cutting ties | cameo=161 goldstein=-4.0
broke off | cameo=161 goldstein=-4.0
break off | cameo=161 goldstein=-4.0
recall its ambassador | cameo=161 goldstein=-4.0
recalls its ambassador | cameo=161 goldstein=-4.0
recalled its ambassador | cameo=161 goldstein=-4.0
cut aid | cameo=162 goldstein=-5.6
cuts aid | cameo=162 goldstein=-5.6
cutting aid | cameo=162 goldstein=-5.6
halt aid | cameo=162 goldstein=-5.6
halts aid | cameo=162 goldstein=-5.6
halted aid | cameo=162 goldstein=-5.6
halting aid | cameo=162 goldstein=-5.6
sanction* | cameo=163 goldstein=-8.0
embargo* | cameo=163 goldstein=-8.0
boycott* | cameo=163 goldstein=-8.0
blacklist* | cameo=163 goldstein=-8.0
export ban* | cameo=163 goldstein=-8.0
trade war* | cameo=160 goldstein=-4.0
break off talks | cameo=164 goldstein=-7.0
breaks off talks | cameo=164 goldstein=-7.0
broke off talks | cameo=164 goldstein=-7.0
breaking off talks | cameo=164 goldstein=-7.0
expel* | cameo=166 goldstein=-7.0
expuls* | cameo=166 goldstein=-7.0
# 17 coerce
coerc* | cameo=170 goldstein=-7.0
seiz* | cameo=171 goldstein=-9.2
confiscat* | cameo=171 goldstein=-9.2
arrest* | cameo=173 goldstein=-5.0
detain* | cameo=173 goldstein=-5.0
crackdown | cameo=175 goldstein=-9.0
cracked down | cameo=175 goldstein=-9.0
cyberattack* | cameo=170 goldstein=-7.0
cyber attack* | cameo=170 goldstein=-7.0
# 18 assault
assault* | cameo=180 goldstein=-9.0
kidnap* | cameo=181 goldstein=-9.0
abduct* | cameo=181 goldstein=-9.0
bombing* | cameo=183 goldstein=-10.0
suicide bomb* | cameo=1831 goldstein=-10.0
assassinat* | cameo=186 goldstein=-10.0
# 19 fight
attack* | cameo=190 goldstein=-10.0
war | cameo=190 goldstein=-10.0
wars | cameo=190 goldstein=-10.0
warfare | cameo=190 goldstein=-10.0
clash* | cameo=190 goldstein=-10.0
hostilities | cameo=190 goldstein=-10.0
invad* | cameo=190 goldstein=-10.0
invasion* | cameo=190 goldstein=-10.0
blockade* | cameo=191 goldstein=-9.5
occupation | cameo=192 goldstein=-9.5
occupied | cameo=192 goldstein=-9.5
annex* | cameo=192 goldstein=-9.5
fighting | cameo=193 goldstein=-10.0
shelling | cameo=194 goldstein=-10.0
shelled | cameo=194 goldstein=-10.0
bombard* | cameo=194 goldstein=-10.0
air strike* | cameo=195 goldstein=-10.0
airstrike* | cameo=195 goldstein=-10.0
air raid* | cameo=195 goldstein=-10.0
drone strike* | cameo=195 goldstein=-10.0
missile strike* | cameo=195 goldstein=-10.0
violate the ceasefire | cameo=196 goldstein=-9.5
violates the ceasefire | cameo=196 goldstein=-9.5
violated the ceasefire | cameo=196 goldstein=-9.5
violating the ceasefire | cameo=196 goldstein=-9.5
violation of the ceasefire | cameo=196 goldstein=-9.5
# 20 use unconventional mass violence
genocide | cameo=202 goldstein=-10.0
massacre* | cameo=202 goldstein=-10.0
ethnic cleansing | cameo=203 goldstein=-10.0
chemical weapons attack* | cameo=2041 goldstein=-10.0

# without a CAMEO code
pressure* | weight=0.5
hostility | weight=1
hostile | weight=1
tension* | weight=0.5
dispute* | weight=0.5
rival* | weight=0.5
confrontation* | weight=1
adversar* | weight=1
enemy | weight=1
enemies | weight=1
retaliat* | weight=1
punish* | weight=1
aggression | weight=1
provocation* | weight=1
containment | weight=0.5
decoupl* | weight=0.5

# ======== dependency ========
# The dependent party is the source ("Moscow relies on Beijing": RUS -> CHN).
# direction=reverse where the grammar names the provider first ("China is a lifeline
# for Russia", "China, the biggest buyer of Russian oil").
@cue category=dependency weight=1
rely on
relies on
relied on
relying on
rely heavily on
relies heavily on
relied heavily on
reliant on
reliance on
depend on
depends on
depended on
depending on
depends heavily on
dependent on
dependence on
dependency on
dependent upon
vulnerable to
beholden to
at the mercy of
hostage to
junior partner
client state
turned to
turns to
turning to
needs | weight=0.5
needed | weight=0.5
imports from | weight=0.5
lifeline | direction=reverse
lifeline for | direction=reverse
lifeline to | direction=reverse
market for | direction=reverse
buyer of | direction=reverse
biggest buyer | direction=reverse
largest buyer | direction=reverse
biggest customer | direction=reverse
largest customer | direction=reverse
main supplier | direction=reverse
supplier of | direction=reverse
supplier to | direction=reverse
exports to | direction=reverse weight=0.5
leverage over | direction=reverse
bankroll* | direction=reverse
prop up | direction=reverse
props up | direction=reverse
propping up | direction=reverse
propped up | direction=reverse

# ======== hedges ========
@cue category=hedge
may | case=lower
might
could
reportedly
allegedly
apparently
calibrated
ambiguous
ambiguity
appears to
appear to
appeared to
seems
seem to
seemed to
likely
possibly
perhaps
signal*
suggest*
potentially
uncertain
unclear
cautious*
tentative*
ostensibly
speculat*
# epistemic modals, adverbs and tentative verbs of the hedging literature (the classes Hyland
# describes in "Hedging in Scientific Research Articles", 1998). Approximators of degree
# ("partly", "somewhat") are left out: they qualify how much, not how certain.
would
possible
possibility
probably
probable
unlikely
uncertainty
careful
carefully
arguably
presumably
supposedly
seemingly
conceivabl*
believe*
assume*
estimat*
indicat*
tend to
tends to
guarded
think
thinks
maybe
doubt
doubts
doubtful
apparent
plausibl*
not necessarily
potential
# frequency approximators (Hyland's hedges): the claim holds as a tendency, not always
often
usually
generally
typically
sometimes
in general
# irrealis: a conditional, an open alternative, a prediction, an aim or a hope, hearsay,
# an open outcome - the proposition is not asserted as fact, so what the sentence's cues
# describe may not happen (or have happened). "aims to" / "aim to" are left out: the noun
# reads the same ("the war aims to which it clings").
if
unless
whether
expected to
expect to
expects to
expecting to
aimed to
aiming to
hopes to
hope to
hoped to
hoping to
is said to
are said to
was said to
were said to
remains to be seen
remain to be seen
open question
risk of

# ======== certainty ========
@cue category=certainty
clearly
certainly
undoubtedly
definitely
unquestionably
no doubt
without doubt
beyond doubt
firmly
unambiguous*
unequivocal*
obviously
of course
surely
doubtless
undeniabl*
indisputabl*
without question
beyond question
little doubt

# ======== negation ========
@cue category=negation
not
no
never
neither
nor
none
nothing
without
no longer
cannot
can't
didn't
doesn't
don't
won't
wouldn't
isn't
aren't
wasn't
weren't
hasn't
haven't
hadn't
couldn't
shouldn't
refused to
refuses to
refusing to
refuse to
declined to
declines to
failed to
fails to
ruled out

# ======== intensifiers (weight = factor on the cue that follows) ========
@cue category=intensifier weight=1.3
very
strongly
deeply
sharply
significantly
greatly
highly
heavily
seriously
far
much
increasingly | weight=1.2
fully | weight=1.2
extremely | weight=1.5
massively | weight=1.5
slightly | weight=0.7
somewhat | weight=0.8
partly | weight=0.8
marginally | weight=0.7

# ======== contrast ========
# "while" (mostly temporal), bare "yet" (mostly "not yet", "has yet to") and "despite"
# (what follows it is the weaker clause) are left out.
@cue category=contrast
but
however
although
though
even though
nevertheless
nonetheless
whereas
even so

# ======== grammar cues read by the scoring engine ========
@cue category=passive
was
were
is
are
been
being
be
get
gets
got

@cue category=agent
by

@cue category=coordination
and
together with
along with
jointly with
as well as
]==]
