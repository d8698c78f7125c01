"""Train the clause classifier (src/sitrep/knowledge/clause_model.json): does a sitrep clause candidate report a
violent event? Trained on the TUNE split only (sitrep.evaluation.realnews): positives are the candidates in the
trigger sentences of RAMS dev attack/die/injure windows, in the sentences of the WikiEvents tune documents with an
attack/die/injure event, and in Nigeria's UCDP headlines; negatives are the candidates in the tune half of the real
negative sentences, in the WikiEvents tune sentences with no event of those kinds and (weak labels) in the tune
documents of the ECB+ topics about other things. The threshold is chosen on
cross-validated probabilities (folds by document). Needs scikit-learn (a dev dependency).

    python3 scripts/train_clause_model.py [--C 0.3] [--write]

The shipped model is NOT what this recipe gives today: its weights were written by the recipe of commit 498fc6b
(C 0.3; every UCDP tune headline at weight 0.2, no hard negatives; the candidates of that commit's extraction and
its clause features, which name a word NAME only when it is a proper noun), and b3bf8c2 added headline_threshold
0.5 by hand. Later retrains (356dcfe .. b47f5aa: frame / question / label / number features, names hidden) were
reverted (3d71018), but the runtime clause features kept 118d63e's hiding of names, so the shipped weights are read
with features a little unlike those they were fitted on (up to 95 weights name a place or people word: w=salvadoran
+0.63, w=nigerian +0.23). Re-running 498fc6b's recipe writes the shipped weights to the last digit:

    python3 scripts/train_clause_model.py --shipped --out FILE   # ~7 min: git archive 498fc6b, its recipe, in /tmp

Measured again at s33-recall (e16bf5c, after the reference joins; today's recipe and features, --C 0.3: 5,345
candidates, 4,134 violent; CV log loss 0.397), `benchmarks/realnews.py --no-spacy --only wikievents,rams,negatives`,
tune / check, shipped -> retrained (tune is in-sample for the retrained model):
  threshold by Youden (0.70, CV keeps 0.845 of violent, rejects 0.910): WikiEvents 0.833 / 0.855 -> 0.833 / 0.800,
  RAMS 0.264 / 0.212 -> 0.264 / 0.196 (judged specific 0.586 =), negatives 0.011 / 0.019 -> 0.004 / 0.014;
  --keep 0.8869 (threshold 0.6269, CV keeps 0.887, rejects 0.854): WikiEvents 0.833 / 0.800, RAMS 0.268 / 0.207,
  negatives 0.004 / 0.028. Check recall falls either way: not shipped. The missed tune events are not the model's
  (scripts/clause_misses.py: model_no 0 of WikiEvents tune's and of RAMS dev's judged-specific misses). Its top
  weights: 'other sense' trig=die -1.14, trig=fight -1.02, actor=False -0.81, trig=pound -0.81, w=earthquake -0.74,
  trig=strike -0.67, trig=injure -0.67; 'violent' w=kill +1.39, w=attack +0.90, trig=massacre +0.88, w=guerrilla
  +0.85, w=army +0.84, actor=True +0.83, weapon=small arms +0.74, w=salvadoran +0.66 (a people word that ALL-CAPS
  MUC-4 text truecases to lower case, which the name filter, capitals only, lets through).

s34 (clause): the recipe on today's code, measured cross-validated (scripts/clause_cv.py: every tune document under
the model of the folds without it; folds by article) and never in-sample:

    python3 scripts/train_clause_model.py --C 0.3 --out M.json --write --folds M && python3 scripts/clause_cv.py M \
        --sets wikievents,rams,negatives,mideast,headlines

Why the plain retrain lost on WikiEvents check (0.855 -> 0.800, 47 -> 44 of 55 sentences): all three sentences are
in one report (scenario_en_62, Venezuela's protests): "the slaying of seven more demonstrators" (0.61 -> 0.43),
"Hugo Chavez, who died in 2013" (0.71 -> 0.04) and "About 100 people have died in three months of ... protests"
(0.97 -> 0.38). The two "die" clauses fall on trig=die -1.14 / trig_pos=die:VERB -1.16, weights the shipped model
does not have: "die" became a trigger after 498fc6b, so the shipped model never saw a "die" clause and scores it on
kind=killing (+0.35) and the words around it. The retrain sees "die" mostly as a negative: 75 candidates of the
hand-labelled negatives (natural and accident deaths, with their ALL-CAPS copies) against 42 positives, and the hard
negatives (realnews_hard_negatives.csv) kept the 152 non-violent sentences of the 412 the model drew and dropped the
260 violent ones, so what the model itself confused teaches only the "other sense" side. (Chavez's natural death is
a WikiEvents Life.Die but no incident: that loss is right.) Cross-validated, the plain retrain (today's features,
no headlines) is further below the shipped model on tune than in-sample figures showed: RAMS 0.204 (judged specific
0.500), negatives false 0.040; WikiEvents check 0.800 / 0.815, RAMS check 0.201, negatives check 0.019.

Features that name no word (clause_model._general_features: entity kinds, lexicon classes of the sentence's words,
tag / head / auxiliaries, the generic and armed rules) lower the CV log loss of the plain recipe 0.409 -> 0.347 and
raise the CV AUC of annotated positives (RAMS, WikiEvents) against the hand-labelled negatives 0.768 -> 0.813; a
feature for the title line was left out (every UCDP headline is an event, so it reads "headline" as "violent"). The
recipe (C 0.3 by CV log loss of 0.1 / 0.3 / 1.0; the Middle East tune headlines in; threshold 0.60 by Youden; 5,476
candidates, CV keeps 0.902 of violent, rejects 0.856), realnews figures, shipped (tune in-sample) -> recipe (tune
cross-validated), tune / check:
  WikiEvents recall 0.833 / 0.855 -> 0.833 / 0.836, precision 0.804 / 0.810 -> 0.789 / 0.807; RAMS 0.264 / 0.212 ->
  0.228 / 0.212 (judged specific 0.586 -> 0.517); negatives false 0.011 / 0.019 -> 0.059 / 0.023; mideast recall /
  precision check 0.944 / 0.899 -> 0.889 / 0.892, mideast2 0.800 / 0.941 -> 0.850 / 0.944, mideast3 0.914 / 0.681
  -> 0.914 / 0.800; headlines2 detected 0.945 -> 0.953, false 0.048 -> 0.119; headlines4 0.948 -> 0.922, false 0.135
  -> 0.115. Not shipped (WikiEvents check and mideast check recall fall, headlines2 false events rise, negatives tune
  over 0.03). The one WikiEvents check sentence it loses is Chavez's natural death (0.71 -> 0.01): a right refusal
  that the gold counts as a miss; "the slaying of seven more demonstrators" and "100 people have died" it keeps. Tried, not better (scratch fits on the same examples, CV): C 0.1 / 1.0; without the hard negatives
  (log loss 0.358 vs 0.347; RAMS judged specific 0.483 vs 0.500, negatives tune 0.037 vs 0.040); without w= features (0.371); the
  annotated positives at weight 2; a lower threshold (0.40: RAMS check 0.207 -> 0.246 but negatives check 0.056);
  the recipe's model at threshold 0.75, where its CV negatives tune meet 0.03 (0.022 / check 0.014): WikiEvents
  0.833 / 0.800, RAMS 0.200 / 0.173, judged specific 0.431.
  No en_core_web_md here (word vectors not tried). The shipped model stays what --shipped rebuilds.

s35 (clause): the recipe's causes of failure mended, measured cross-validated (clause_cv.py; tune under the fold
models, check under the full one), and still not shipped. What changed in the recipe:
  - names in ALL-CAPS text: a demonym in lower case (the truecaser leaves "salvadoran" so) is NAME
    (clause_model._demonym), for a model whose meta says ``demonyms_hidden`` (this recipe's); the shipped model
    reads its features as before. w=salvadoran (+0.61 in s34's retrain) is gone from the weights;
  - hard negatives from both sides: realnews_hard_positives.csv, the 205 tune sentences of the same draw as the
    hard negatives that its reader judged violent (the weak negatives of ECB+ and RAMS give those sentences no 0);
  - class balance per trigger family (--family-balance; die / injure / the rest): measured, no tune gain, off;
  - C by the CV log loss (folds by document) of 0.03 / 0.1 / 0.3 / 1 / 3 on the plain example weights: 0.3
    (0.4405 / 0.3949 / 0.3752 / 0.3827 / 0.4167).
Figures, tune (CV) / check, `scripts/clause_cv.py PREFIX --sets wikievents,rams,negatives,mideast,headlines`; shipped:
benchmarks/realnews.py (its tune figures are in-sample for RAMS, WikiEvents and negatives):
  model                            WikiEvents R (P)              RAMS all (judged)        negatives false
  shipped                          0.833 / 0.855 (0.804 / 0.810)  0.264 / 0.212 (0.586)    0.011 / 0.019
  --no-hard-positives (5,455)      0.833 / 0.836 (0.789 / 0.807)  0.232 / 0.218 (0.517)    0.051 / 0.023
  the recipe (5,910 candidates)    0.833 / 0.836 (0.789 / 0.807)  0.252 / 0.235 (0.534)    0.055 / 0.042
  --family-balance                 0.833 / 0.836 (0.789 / 0.807)  0.244 / 0.240 (0.534)    0.051 / 0.046
  recipe, threshold 0.70 / 0.75 *  0.833 / 0.800 both             0.232 / 0.218, 0.224 / 0.212 (0.483 both)
                                                                                            0.040 / 0.019, 0.029 / 0.014
  (* a scratch fit of the same examples, thresholds set by hand; 0.75 is the lowest whose tune negatives meet 0.03.)
  The hard positives lift RAMS tune 0.232 -> 0.252 (judged specific 0.517 -> 0.534) for negatives tune 0.051 ->
  0.055, and the CV AUC of annotated positives against hand-labelled negatives 0.795 -> 0.804 (scratch fits); per
  family balance changes no tune figure but RAMS all (-0.008) and negatives tune (-0.004): left off.
  The recipe's model against the shipping gates (check): WikiEvents recall 0.855 -> 0.836 (fails by 0.019: the lost
  sentence is Chavez's natural death, as in s34), precision 0.810 -> 0.807 (holds); negatives false 0.042 (fails
  <= 0.03 by 0.012; tune CV 0.055, by 0.025); RAMS judged specific tune 0.586 (in-sample) -> 0.534 (CV; fails by
  0.052; RAMS check all 0.212 -> 0.235); mideast 0.944 / 0.899 -> 0.903 / 0.893 (fails), mideast2 0.800 / 0.941 ->
  0.850 / 0.919 (precision fails), mideast3 0.914 / 0.696 -> 0.943 / 0.767, mideast4 0.698 / 0.809 -> 0.717 / 0.809,
  headlines2 detected 0.961 = but false 0.048 -> 0.095 (fails), headlines4 0.948 / 0.135 -> 0.957 / 0.135;
  seed-like sets (benchmarks/seedlike.py, with dates): new false events in fresh9 +3 (F1 0.783 -> 0.692), fresh10 +2
  (0.571 -> 0.533), fresh13 +2 (0.667 -> 0.609), fresh14 +1 (0.636 -> 0.609) and the everyday pages 0 -> 2 (fails);
  MUC-4 TST1+2 CEAF-REE 0.443 -> 0.442 (passes >= 0.437; location 0.375 -> 0.362); golden outputs: 106 of 131 move
  (most by the "clause model: p" note alone; not sorted, as the model is not shipped).
  Tried, not better on tune: without MUC-4's weak positives (scratch fit; they teach w=government, w=today): CV AUC
  0.804 -> 0.794, RAMS tune 0.252 (judged 0.534) =, negatives tune 0.055 -> 0.048 (still over 0.03), WikiEvents
  check 0.836 -> 0.800.
  Top weights of the recipe's model: 'other sense' trig=die -1.09, trig=fight -0.95, rule_armed=False -0.92,
  trig=injure -0.90, dep=compound -0.85, w=say -0.85, w=shower -0.84, trig=pound -0.80, w=quake -0.77; 'violent'
  trig=murder +1.01, rule_armed=True +0.99, wc=killed +0.95, wc=armed +0.93, w=kill +0.82, wc_kind=bombing +0.80,
  w=attack +0.79, trig=massacre +0.76, head_dep=relcl +0.75, w=government +0.72 (MUC-4's weak positives).

s40 (clause, issue 11: false events on everyday pages): the recipe on today's features, measured cross-validated,
and again NOT shipped. Train / serve skew: none for this recipe (scripts/clause_skew.py: the features of 2,565
clauses of every third training document computed the trainer's way and the pipeline's way, entities="triggers"
and caps_text included: 0 differ); the shipped model's own skew stays (107 of its 6,784 weights, 1.2% of its weight
mass, name a word today's features read as NAME: w=salvadoran +0.63, w=nigerian +0.23). New options: --pages (the 29
reports of the seed-like TUNE sets whose gold holds no event, every candidate a negative: 206 candidates), --drop
(feature prefixes left out); clause_cv.py --sets pages (false events on those pages, tune under the fold models).
Shipped figures (tune in-sample for WikiEvents, RAMS, negatives, UCDP): seed-like tune 0.787 / 0.513 with / without
dates, pages false 0; WikiEvents 0.833 / 0.855; RAMS 0.268 (judged 0.586) / 0.218; UCDP detected 0.734 / 0.725;
negatives false 0.007 / 0.019; MUC-4 DEV 0001-0300 CEAF-REE 0.576; check pages false 10. Retrains (C 0.3 by CV log
loss each time; tune CV / check; pages: false events with dates, tune CV / check):
  recipe as is (Youden 0.60)           negatives 0.048 / 0.042, seed-like tune 0.769 (pages 5), UCDP 0.724 / 0.728,
                                       RAMS 0.252 (0.534) / 0.235, WikiEvents 0.833 / 0.836, MUC-4 DEV 0.573
  + pages                              negatives 0.037 / 0.042, pages 0 / 7
  + pages, no wc= / wc_kind=           negatives 0.048 / 0.042, pages 2 / 6   (without pages: 0.044 / 0.014, 3 / 9)
  + pages, no general features         negatives 0.044 / 0.051, pages 0 / 10
  + pages, no hard positives           negatives 0.044 / 0.032, pages 0 / 5
  + pages, no hard positives, no general features (Youden 0.65; CV keeps 0.854 of violent, rejects 0.907):
                                       negatives 0.029 / 0.019, pages 0 / 4, seed-like tune 0.787 / 0.513 (pages 0),
                                       WikiEvents 0.833 (P 0.804) / 0.800, RAMS 0.204 (0.466) / 0.190, UCDP 0.723 /
                                       0.715, MUC-4 DEV 0.568
    the same without --pages (Youden 0.60): negatives 0.040 / 0.028, pages 1 / 9: the pages teach the check pages
    the same at threshold 0.60 / 0.55: negatives 0.033 / 0.028, 0.051 / 0.032; RAMS 0.212 (0.500), 0.224 (0.517);
                                       UCDP 0.727 / 0.723, 0.731 / 0.726; MUC-4 DEV 0.569 both; pages 0 / 5, 0 / 7
    + --family-balance (die / injure weigh as much violent as not; Youden 0.60): trig=die -1.08 -> -0.78; negatives
                                       0.029 / 0.028, pages 0 / 5, seed-like tune 0.787 / 0.513, WikiEvents 0.833 (P
                                       0.789) / 0.836, RAMS 0.216 (0.500) / 0.207, UCDP 0.726 / 0.722, MUC-4 DEV 0.570
    + --ucdp-weight 0.5 (Youden 0.70; CV log loss 0.320): negatives 0.018 / 0.014, pages 0 / 4, seed-like tune
                                       0.791 / 0.515, WikiEvents 0.815 (P 0.800) / 0.800, RAMS 0.184 (0.431) / 0.179,
                                       UCDP 0.729 / 0.716, MUC-4 DEV 0.570; at threshold 0.60: negatives 0.037 /
                                       0.019, pages 0 / 5, seed-like tune 0.787 / 0.513, WikiEvents 0.815, RAMS 0.212
                                       (0.500) / 0.201, UCDP 0.734 / 0.727, MUC-4 DEV 0.569
Seed-like check (benchmarks/seedlike.py --split check --pages, read once each): shipped 0.750 / 0.500, pages 10;
no hard positives, no general features 0.768 / 0.500, pages 4; the same + --family-balance 0.765 / 0.500, pages 5.
The refit mends the check pages but loses UCDP tune, MUC-4 DEV and RAMS (CV), so it stays out. Its command:
  python3 scripts/train_clause_model.py --C 0.3 --pages --no-hard-positives --drop \
      ent=,wc=,wc_kind=,tag=,head_pos=,head_dep=,aux=,rule_generic=,rule_armed= --out Q.json --write --folds Q
No threshold keeps both UCDP tune (0.734) and the negatives. What in the features causes it:
  - the general features are sentence-wide bags (ent=GPE / NORP, wc=armed / weapon / police / killed, wc_kind=*,
    rule_generic=False): they read "news about states and forces" and lift any trigger in it. The CV-false tune
    negatives of the "+ pages" model are lifted by them ("advisers recommending air strikes": wc=armed +1.07; "Crew
    Blasts Off to Space Station": ent=NORP +0.51; "a police raid netted two handguns": wc=police +0.41; "a soldier
    fires a rocket launcher" in an exercise: wc=armed +0.90, rule_armed +0.83), and so are the seed-like tune pages
    of the plain recipe (a garden page's "where the attack begins": wc_kind=bombing +0.81; a play review's
    "killing ground": wc=killed +0.95 beside w=kill +0.82, the same word counted twice);
  - the hard positives (205 sentences of violence in everyday news, much of it told in general, ~8% noise) teach
    "violence spoken of" as an event, against the negatives' no_incident label: without them (and without the
    general features) the tune negatives fall 0.044 -> 0.029;
  - what then loses UCDP tune (43 Nigeria headlines lost, 5 gained) is trig=die -1.08 / trig=injure -0.67 (the
    hand-labelled negatives are rich in natural and accidental deaths: "17 die in Kogi communal crisis", "15
    injured in market fracas") and actor=False -0.86 (a top-3 'other sense' weight in 44 of the lost clauses'
    candidates; most lost at 0.55-0.65, below the 0.65 threshold); the shipped model never saw "die" as a trigger.

s41 (clausecv): a FAIR comparison. s40 set the shipped model's in-sample tune figures against the retrains'
cross-validated ones. scripts/clause_folds.py refits the shipped recipe (498fc6b's examples and features, reproduced
to the last digit) five times on the SAME document folds as ``--folds`` (crc32 of ``_doc_key`` mod 5), so every
recipe's tune figures are cross-validated (scripts/clause_cv.py PREFIX --split tune; the pages folded too; seed-like
tune: benchmarks/seedlike.py under the full model). Examples of today's recipes: the s40 cache (11:09's code).
Tune (CV): WikiEvents recall / UCDP Nigeria detected / RAMS all (judged specific) / negatives false (of 272) / tune
page false events (folded, with dates; 31 pages) / seed-like tune F1 with, without dates:
  S    shipped recipe (folds)                    0.833 / 0.735 / 0.228 (0.517) / 10 / 2 / 0.779, 0.507
  T    today's features on S's data (no hard negatives / positives, no judged headlines), no general features
                                                 0.833 / 0.735 / 0.232 (0.517) / 14 / 7 / 0.765, 0.507
  TP   T --pages                                 0.833 / 0.730 / 0.216 (0.483) /  7 / 2 / 0.779, 0.507
  Q    --pages --no-hard-positives, no general features (s40's best)
                                                 0.833 / 0.723 / 0.204 (0.466) /  8 / 2 / 0.779, 0.507
  Q26  Q with fresh26's pages                    0.833 / 0.721 / 0.204 (0.483) /  8 / 2 / 0.785, 0.507
  QF   Q --family-balance                        0.833 / 0.726 / 0.216 (0.500) /  8 / 2 / 0.779, 0.507
  QU   Q --ucdp-weight 0.5 (Youden 0.70)         0.815 / 0.727 / 0.184 (0.431) /  5 / 2 / 0.782, 0.510
  QD   Q26 less trig=die, trig_pos=die: (0.55)   0.833 / 0.728 / 0.220 (0.517) / 14 / 2 / 0.785, 0.507
  G    the recipe --pages (Youden 0.60)          0.833 / 0.727 / 0.252 (0.534) / 11 / 0 / 0.782, 0.507
  G65  G at 0.65                                 0.833 / 0.723 / 0.248 (0.534) /  9 / 0 / 0.782, 0.507
  G70  G at 0.70                                 0.833 / 0.721 / 0.232 (0.517) /  8 / 0 / 0.782, 0.507
  GU   G --ucdp-weight 0.5 (Youden 0.60)         0.833 / 0.736 / 0.252 (0.534) / 10 / 2 / 0.782, 0.507
  GU65 GU at 0.65 (RECIPE)                      0.833 / 0.731 / 0.244 (0.534) /  9 / 0 / 0.782, 0.507
The rule, stated before any check figure was read: none of the four CV tune figures falls by more than 0.010 below
S's, negatives and page false events do not rise and one of them falls, seed-like tune >= 0.779 / 0.507. Only GU65
passes (G65 / G70 lose UCDP by 0.012 / 0.014; GU's false counts equal S's). Out of fold the shipped recipe's tune
figures were RAMS 0.228 (in-sample 0.268) and negatives 0.037 (0.007): s40's refits lost to in-sample figures. What
wins RAMS back is what s40 dropped, the features that name no word and the hard positives (Q against G).
Check, read once for GU65 (the full model; shipped model on today's code in brackets): seed-like check 0.771 / 0.503,
page false events 7 (0.759 / 0.503, 11); WikiEvents 0.836 (0.855); RAMS 0.223 (0.218); UCDP Ukraine 0.735 (0.726);
negatives 0.032 (0.019); MUC-4 TST1+2 0.447 (0.448, floor 0.437), DEV 0.577; seed 1.000 both ways; ECB+ tune
(merge_ecb --split tune) 0.927 / 0 mixed / CoNLL 0.837, as main; golden outputs 108 of 131 move. NOT shipped: three
tests of our own sentences fail (tests/extract/test_realnews_kinds.py: escalate's actor, the suicide bombing
without the word, the grenade): lone dated clauses of clear violence fall under 0.65 ("A man threw a grenade into a
bar in Hamar on Sunday, wounding nine people" 0.69 -> 0.39; "Israel escalated its bombardment of Gaza City on
Monday" 0.85 -> 0.48) on ent=DATE -0.64 and rule_armed=False -0.99, sentence-wide and rule features that the
pages and ECB+ documents (dated prose) teach; GU65 without ent= (scratch) still gives 0.40 / 0.60.

s42 (clause): GU65 less the features that sank those sentences, measured on the same folds, and again NOT shipped.
Why the two features fall as they do, counted over the tune examples (the s40 cache, 6,195 candidates):
  - rule_armed: True in 1,398 examples (1,378 violent, 20 not). keep_violent keeps every clause armed() reads so,
    whatever the model says, so the model decides only the rule_armed=False ones (4,797: 3,405 violent, 1,392 not),
    and the pair of weights (+1.03 / -0.99) lowers every decision it makes by a logit against a threshold chosen
    over both kinds (Youden over all annotated clauses): drop it (``--drop rule_armed=``);
  - ent=DATE: in 4% of the UCDP headline positives (116 of 2,801), 41% of the other positives (821 of 1,982) and 37%
    of the negatives (529 of 1,412): its -0.64 is the headlines' form, not a sign of another sense;
  - clause-scoped classes (clause_model.clause_tokens: cl_ent=, cl_wc=, cl_wc_kind= over the trigger's own clause)
    are computed beside the sentence-wide ones; a recipe reads them instead with ``--drop ent=,wc=,wc_kind=`` (a
    fresh --cache: the cache holds features; ~5 min of parsing). "on Sunday" is in the gate's triggers' own clause,
    so the scope alone does not mend them; the rows K.. below (examples of today's code) measure it.
The rule, stated at 15:18 UTC before any s42 check figure was read: on the same folds as the shipped recipe S
(re-measured on today's code), (1) no recall figure (WikiEvents, RAMS all and judged, UCDP Nigeria) more than 0.010
below S's; (2) negatives CV false rate at most S's + 0.010, tune page false events (with dates) at most S's; (3)
seed-like tune >= 0.777 / 0.502; (4) the gate: six dated lone attacks in plain prose (the three sentences above
and tests/extract/test_realnews_kinds.py test_a_lone_dated_attack_in_plain_prose_stays) one event each. Tune (CV),
as s41's table (WikiEvents / UCDP Nigeria / RAMS all (judged) / negatives false of 272 / page false events of 33 /
seed-like tune with, without dates / gate):
  S    shipped recipe (folds), today's code      0.833 / 0.735 / 0.228 (0.517) / 10 / 3 / 0.777, 0.502 / 6 of 6
  G0   GU65 refit (33 tune pages)                0.833 / 0.731 / 0.244 (0.534) /  9 / 0 / 0.783, 0.502 / 2 of 6
  B    G0 --drop rule_armed=,ent=DATE,ent=TIME   0.833 / 0.736 / 0.244 (0.534) /  9 / 2 / 0.783, 0.502 / 5 of 6
  B60  B at its Youden threshold 0.60            0.833 / 0.737 / 0.248 (0.534) / 10 / 2 / 0.783, 0.502 / 6 of 6
  gate only (threshold 0.65): --drop rule_armed= 4 of 6; --drop rule_armed=,ent= 5 of 6 (its Youden 0.55);
  --drop ent=DATE,ent=TIME 4 of 6. B misses the grenade by 0.01 (0.64: actor=False -0.68, wc=number -0.51 from
  "wounding nine people", a clause of its own).
  examples parsed anew by today's code (6,214 candidates), every row --drop rule_armed= and ``cl_`` for clause-scoped:
  Bn   B60's recipe (--drop ...,cl_)             0.833 / 0.737 / 0.248 (0.534) / 10 / 2 / 0.783, 0.502 / 6 of 6
  KW   clause-scoped word classes (cl_wc=, cl_wc_kind=), sentence-wide entity kinds less DATE / TIME (Youden 0.60)
                                                 0.833 / 0.738 / 0.240 (0.534) / 13 / 4 / 0.777, 0.502 / 6 of 6
  K    clause-scoped classes and entity kinds (Youden 0.65): gate 4 of 6; KE clause-scoped entity kinds only,
       sentence-wide word classes (0.65): gate 4 of 6 (not measured further).
  KW65 KW at 0.65                                0.833 / 0.736 / 0.240 (0.534) / 11 / 2 / 0.783, 0.502 / 6 of 6
       passes too, after B60 by the stated order (negatives + pages 13 against 12); its check, read once after
       B60's failed: seed-like 0.758 / 0.505, pages 12; WikiEvents 0.836; RAMS 0.229; UCDP Ukraine 0.737;
       negatives 0.037 (8 of 216); MUC-4 TST1+2 0.445, DEV 0.577; seed 1.000 both ways: NOT shipped (negatives
       +0.018 over the 0.013 noise, pages 11 -> 12).
  Clause scope at Youden loses on tune: KW's negatives (+3) and pages (+1) fail rule (2); Bn equals B60 (the features of
  11:09's code and today's give the same tune figures), so its check was not read again.
B60 (= Bn) passes, first by the stated order. Check, read once (shipped model on today's code in brackets): seed-like check 0.758 / 0.505, page
false events 12 (0.761 / 0.505, 11); WikiEvents 0.836 (0.855); RAMS 0.229 (0.218); UCDP Ukraine 0.741 (0.726);
negatives 0.046, 10 of 216 (0.019, 4); MUC-4 TST1+2 0.445 (0.448, floor 0.437), DEV 0001-0300 0.574 (0.576 at s40); seed
1.000 both ways. Noise: refits of one recipe on these folds move no tune CV figure (G0 against s41's GU65: same
UCDP, negatives and pages); the sampling error of a check share at the tune CV rate is 0.013 for the negatives
(n=216, 0.037) and 0.047 for WikiEvents (n=55). The negatives check rises by 0.027 (two standard errors, 6 sentences) and the check pages
gain a false event: NOT shipped. Of the 6 check negatives B60 adds (none it drops), 4 score 0.61-0.64 (a
suit's "verbally assaulted", Turkey's operation's aim, "equipment destroyed", an office "raided by the police"):
the threshold 0.60 lets them in, and at 0.65 (B) the gate's grenade misses by 0.01. Its command (examples of the s40 cache, features of 11:09's code):
  python3 scripts/train_clause_model.py --C 0.3 --pages --ucdp-weight 0.5 --drop rule_armed=,ent=DATE,ent=TIME
Top weights of B60: 'other sense' trig_pos=fight:NOUN -1.16, trig=die -1.11, w=shower -1.01, trig=injure -0.91,
w=say -0.89, rule_generic=True -0.77, tag=VBG -0.70, actor=False -0.68; 'violent' wc=armed +1.14, wc=killed +1.05,
trig=murder +1.03, w=violence +0.89, wc=weapon +0.85, w=attack +0.81, rule_generic=False +0.77 (shipped: w=quake
-1.20, trig_pos=fight:NOUN -1.18, trig=fight -1.03, obj_kind=people -0.64; w=kill +1.29, w=guerrilla +0.77, w=army
+0.74, w=salvadoran +0.63).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.extract import document as report  # noqa: E402
from sitrep.extract.clause_model import clause_features  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.nlp import analyze_many  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
NEGATIVES = ROOT / "benchmarks" / "data" / "realnews_negatives.csv"
HARD_NEGATIVES = ROOT / "benchmarks" / "data" / "realnews_hard_negatives.csv"  # training only (drawn by the model)
HARD_POSITIVES = ROOT / "benchmarks" / "data" / "realnews_hard_positives.csv"  # the same draw's violent sentences
UCDP_EVERY = 1  # every tune headline, each with a small weight (WEAK): one country's headlines should not outweigh the annotated articles
OUT = ROOT / "src" / "sitrep" / "knowledge" / "clause_model.json"


def training_documents(judged_headlines: bool = True, pages: bool = False, hard_negatives: bool = True
                       ) -> list[tuple[Document, object]]:
    """Every tune document with how its candidates are labelled (``hard_negatives``: realnews_hard_negatives.csv too;
    the shipped recipe had none)."""
    docs: list[tuple[Document, object]] = list(_everyday_pages()) if pages else []
    for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"]):
        if rn.rams_family(w):
            docs.append((Document(id=w.id, text=w.text), ("span", [w.sentence], [])))
    docs += _rams_other(rn.RAMS_SPLIT["tune"])
    for d in rn.wikievents_docs(SHARED):
        if d["doc_id"] not in rn.WIKIEVENTS_TUNE:
            continue
        bounds = [(s[0][0][1], s[0][-1][2] + 1) for s in d["sentences"]]
        gold = {e["trigger"]["sent_idx"] for e in rn._family_events(d)}
        pos = [bounds[i] for i in gold]
        neg = [b for i, b in enumerate(bounds) if i not in gold]
        docs.append((Document(id=d["doc_id"], text=d["text"]), ("span", pos, neg)))
    for it in rn.ucdp_items(SHARED, rn.UCDP_SPLIT["tune"])[::UCDP_EVERY]:
        docs.append((Document(id=it.id, text=it.headline, title=it.headline, published=it.published),
                     ("all", 1)))
    if judged_headlines:
        docs += list(_headlines_judged())
    hard = rn.read_negatives(HARD_NEGATIVES, SHARED) if hard_negatives else []  # after the others: the same ids
    for i, n in enumerate(rn.read_negatives(NEGATIVES, SHARED) + hard):
        if n.split == "tune" and not n.source.startswith(CHECK_SOURCES):
            docs.append((Document(id=f"neg-{n.source}#{n.doc}-{i}", text=n.text), ("all", 0)))
    # the other side of the hard negatives: the sentences of the same draw a reader judged violent (see the file)
    for i, n in enumerate(hard_positives()):
        docs.append((Document(id=f"hpos-{n.source}#{n.doc}-{i}", text=n.text), ("all", 1)))
    # weak negatives: every candidate of the tune documents of ECB+ topics about other things (earthquakes, sport,
    # business, celebrities), beside the hand-labelled ones; the check documents stay out
    from realnews_negatives_pool import ECB_TOPICS, split_of

    for t in ECB_TOPICS:
        for p in sorted((SHARED / f"data/realnews/ecbplus/{t}").glob("*.xml")):
            src = str(p.relative_to(SHARED))
            if split_of(src, "") == "tune":
                docs.append((Document(id=f"ecb-{src}", text=rn.source_text(SHARED, src, "")), ("all", 0)))
    docs += list(_all_caps(docs))
    docs += list(_muc4_dev())
    return docs


def _everyday_pages():
    """The reports of the seed-like TUNE sets (benchmarks/seedlike.py SPLIT: fresh2, fresh4, ..) whose gold holds no
    event (31 pages: a council meeting, a match report, an obituary): every clause candidate of such a page reports no
    specific violent event, by the gold (``--pages``; the check sets stay out)."""
    import json as _json

    from sitrep.ingest.text import document_from_text

    data = ROOT / "tests" / "data"
    for name in seedlike_split()["tune"]:  # fresh2 .. fresh24 until s41; fresh26 since
        gold = data / f"{name}_reports_gold.json"
        for d in _json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            path = data / f"{name}_reports" / f"{d['id']}.txt"
            if not d["events"] and path.exists():
                doc = document_from_text(path.read_text(encoding="utf-8"), f"page-{name}-{d['id']}")
                yield doc, ("all", 0)


def seedlike_split() -> dict[str, tuple[str, ...]]:
    """benchmarks/seedlike.py's SPLIT: the seed-like sets of each half."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from seedlike import SPLIT

    return SPLIT


def hard_positives() -> list:
    """The tune sentences of realnews_hard_positives.csv (a check source's never)."""
    return [n for n in rn.read_negatives(HARD_POSITIVES, SHARED)
            if n.split == "tune" and not n.source.startswith(CHECK_SOURCES)]


_HARD_TEXTS: set[str] = set()


def _judged_violent(sent) -> bool:
    """The sentence is a hard positive: the weak negatives of its document (ECB+ topics about other things, RAMS
    windows of other kinds) give it no label 0 (it is labelled 1 as a hard positive)."""
    if not _HARD_TEXTS:
        _HARD_TEXTS.update(" ".join(n.text.lower().split()) for n in hard_positives())
    return " ".join(sent.text.lower().split()) in _HARD_TEXTS


MIDEAST = [ROOT / "benchmarks" / "data" / f"realnews_{n}.csv" for n in ("mideast", "mideast2", "mideast3")]
# negative sentences of the tune half whose article belongs to a benchmark's check split (RAMS test: 44 sentences)
# stay out of training: the RAMS check figure would read articles the model was fitted on
CHECK_SOURCES = ("data/realnews/rams/test.jsonlines",)


def _headlines_judged():
    """Headlines judged one by one, of the tune split only (odd publication months): our three Middle East sets'
    attack headlines and those that use the same words for no attack (a court, a statement, markets, an
    anniversary, another sense), the only headlines labelled no (the UCDP headlines are all events); in the recipe
    since s34 (``--no-judged-headlines`` leaves them out). headlines2 and headlines4 have no tune half (never
    used to choose anything): they stay out. Measured (s32-detect, recipe with / without them, `benchmarks/realnews.py`, tune / check):
    UCDP detected 0.716 / 0.717 -> 0.710 / 0.713; mideast recall / precision check 0.917 / 0.861 -> 0.917 / 0.919
    (tune in-sample); mideast2 check 0.850 / 0.944 both; headlines2 false 0.071 both; headlines4 detected 0.922 ->
    0.939, false 0.115 -> 0.096; negatives 0.004 / 0.019 both. Not shipped: any retrained model moves 104 of the 131
    golden outputs, and the recipe without them already differs from the shipped model (UCDP 0.719 / 0.722)."""
    for path in MIDEAST:
        for it in rn.read_mideast(path):
            if it.split == "tune":
                yield (Document(id=f"hl-{it.id}", text=it.headline, title=it.headline, published=it.published),
                       ("all", int(it.attack)))


def examples(cache: dict | None = None, judged_headlines: bool = True, pages: bool = False,
             hard_negatives: bool = True):
    """(features, label, group, source) of every candidate of the tune data whose label is known. ``cache`` maps a
    document (its id, text and labelling) to its examples: only the documents not in it are parsed, and it is
    filled with them."""
    cache = {} if cache is None else cache
    docs = training_documents(judged_headlines, pages, hard_negatives)
    key = {d.id: _cache_key(d, how) for d, how in docs}
    by_id = {d.id: how for d, how in docs}
    for analysis in analyze_many([d for d, _ in docs if key[d.id] not in cache]):
        how = by_id[analysis.doc.id]
        doc_id = analysis.doc.id.removeprefix(CAPS)
        group = zlib.crc32(_doc_key(doc_id).encode()) % 5  # folds by source document
        out = []
        weak = doc_id.startswith(("ecb-", "ramsneg-"))
        for c in report.candidates(analysis):
            label = _label(c, how)
            if label is not None and not (weak and _judged_violent(c.sent)):
                out.append((clause_features(c, general=True, demonyms=True), label, group, _source(doc_id, label)))
        cache[key[analysis.doc.id]] = out
    return [ex for d, _ in docs for ex in cache[key[d.id]]]


def _cache_key(doc: Document, how) -> str:
    return f"{doc.id}#{zlib.crc32(doc.text.encode())}#{doc.published}#{how!r}"


CAPS = "caps:"


def _all_caps(docs):
    """An ALL-CAPS copy of every article (not the headlines): wire reports come in capitals (MUC-4), which sitrep
    truecases before parsing, and the parse of such text differs; the copy shares its original's fold."""
    for d, how in docs:
        if d.title is None and len(d.text.upper()) == len(d.text):
            yield Document(id=CAPS + d.id, text=d.text.upper()), how


def _doc_key(doc_id: str) -> str:
    """The source document of a training text: a labelled sentence, a RAMS window and its weak negatives, an ECB+
    document and its labelled sentences all share one fold; RAMS windows of one article share its URL (before s34
    each window was its own fold, so a window's neighbours of the same article were in the training folds)."""
    if doc_id.startswith(("neg-", "hpos-")):
        doc_id = doc_id.split("-", 1)[1].rsplit("-", 1)[0]
        src, _, doc = doc_id.partition("#")
        doc_id = doc or src
    for prefix in ("ramsneg-", "ecb-"):
        doc_id = doc_id.removeprefix(prefix)
    return _rams_articles().get(doc_id, doc_id)


_ARTICLES: dict[str, str] = {}


def _rams_articles() -> dict[str, str]:
    """RAMS window id -> its article's URL (dev windows: the tune split's)."""
    if not _ARTICLES:
        _ARTICLES.update({w.id: w.source for w in rn.rams_windows(SHARED, rn.RAMS_SPLIT["tune"])})
    return _ARTICLES


def _source(doc_id: str, label: int) -> str:
    """What kind of example: hand-labelled negative, weak negative (ECB+, RAMS other kinds, WikiEvents), positive."""
    kind = doc_id.split("-", 1)[0] if doc_id.startswith(("neg-", "hpos-", "ecb-", "ramsneg-", "nga-", "DEV-", "hl-", "page-")) \
        else "annotated"
    return f"{kind}{'+' if label else '-'}"


# RAMS events of these kinds may be told with a violent clause ("destroyed by shelling", "sentenced to death after
# the bombing"): their windows give no negatives
RAMS_NOT_NEGATIVE = ("artifactexistence.damagedestroy", "disaster.", "contact.threatencoerce", "justice.",
                     "conflict.", "contact.funeralvigil")


def _rams_other(part: str):
    """Weak negatives: the candidates in the trigger sentence of the RAMS windows whose event is of another kind
    (money, travel, talks, votes: real news with the same words used otherwise). A window whose source document is
    in the check half of the negative set is left out (that half stays unseen)."""
    from realnews_negatives_pool import split_of

    src = f"data/realnews/rams/{part}.jsonlines"
    for w in rn.rams_windows(SHARED, part):
        if rn.rams_family(w) or w.event_type.startswith(RAMS_NOT_NEGATIVE) or split_of(src, w.id) != "tune":
            continue
        yield Document(id=f"ramsneg-{w.id}", text=w.text), ("span", [], [w.sentence])


MUC4_EVERY = 2  # every other MUC-4 dev report with an incident (parsing time)


def _muc4_dev():
    """Weak positives in ALL-CAPS wire text: the candidates of MUC-4 dev reports (MUC-4's tune half; TST1-2 is
    where it is measured) in a sentence that holds a target, victim or perpetrator string of one of the report's
    relevant templates. Other sentences stay unlabelled (MUC-4 leaves battles out: no negatives from it)."""
    from sitrep.evaluation import muc4

    base = SHARED / "data" / "muc4"
    templates = [t for p in sorted((base / "keys").glob("key-dev-*")) for t in muc4.read_keys(p)]
    by_doc = muc4.templates_by_doc(templates)
    docs = [d for p in sorted((base / "docs").glob("dev-*")) for d in muc4.read_docs(p)]
    for d in [d for d in docs if any(t.relevant for t in by_doc.get(d.id, []))][::MUC4_EVERY]:
        fillers = {" ".join(s.lower().split()) for t in by_doc[d.id] if t.relevant
                   for slot in muc4.ROLE_SLOTS.values() for f in t.fillers(slot) for s in f}
        yield muc4.document_for(d), ("muc", sorted(f for f in fillers if len(f) > 3))


def _label(c, how):
    if how[0] == "all":
        return how[1]
    if how[0] == "muc":
        sent = " ".join(c.sent.text.lower().split())
        return 1 if any(f in sent for f in how[1]) else None
    _, pos, neg = how
    at = c.mention.trigger.start
    if any(a <= at < b for a, b in pos):
        return 1
    if any(a <= at < b for a, b in neg):
        return 0
    return None


# sample weights: the weak negatives (labels by topic, not read), and the UCDP headlines, which are many and of one
# country (their words would otherwise teach the model Nigeria's news rather than violence)
WEAK = {"ecb-": 0.5, "ramsneg-": 0.5, "nga+": 0.2, "DEV+": 0.5}


def load(cache: Path | None, judged_headlines: bool = True, pages: bool = False, hard_negatives: bool = True
         ) -> list[tuple[list[str], int, int, str]]:
    """The tune examples: ``--cache FILE`` keeps each document's examples between runs, so that only new or changed
    documents are parsed (delete it after changing the features or the candidates)."""
    import pickle

    store = pickle.loads(cache.read_bytes()) if cache is not None and cache.exists() else {}
    data = examples(store, judged_headlines, pages, hard_negatives)
    if cache is not None:
        cache.write_bytes(pickle.dumps(store))
    return data


# trigger families: a family's positives and negatives weigh the same in all (``family_balanced``); the other
# trigger words are one family ("attack")
FAMILIES = {"die": ("die", "death", "dead", "perish"), "injure": ("injure", "wound", "hurt", "injury")}


def family(feats: list[str]) -> str:
    trig = next((f[5:] for f in feats if f.startswith("trig=")), "")
    return next((name for name, words in FAMILIES.items() if trig in words), "attack")


def family_balanced(y, families: list[str], weights):
    """Sample weights with which each trigger family's violent and other clauses weigh the same (scikit-learn's
    'balanced', per family): "die" had 125 other-sense candidates (natural and accidental deaths, their ALL-CAPS
    copies) to 68 violent, and the whole-set balance (violent 4 to 1) made the word itself a strong 'other sense'
    weight."""
    import numpy as np

    out = np.array(weights, dtype=float)
    for fam in set(families):
        idx = [i for i, f in enumerate(families) if f == fam]
        total = sum(weights[i] for i in idx)
        for lab in (0, 1):
            sub = [i for i in idx if y[i] == lab]
            part = sum(weights[i] for i in sub)
            for i in sub:
                out[i] = weights[i] * total / 2 / part
    return out


def classifier(C: float, balanced_families: bool):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, class_weight=None if balanced_families else "balanced", max_iter=3000)


def cv_probabilities(X, y, groups, weights, C: float, balanced_families: bool = False):
    """Out-of-fold probabilities, folds by source document (GroupKFold, 5)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    probs = np.zeros(len(y))
    for train, test in GroupKFold(5).split(X, y, groups):
        clf = classifier(C, balanced_families)
        clf.fit(X[train], y[train], sample_weight=weights[train])
        probs[test] = clf.predict_proba(X[test])[:, 1]
    return probs


# a clause of a dated report's title line (clause_model.headline_clause) is kept at the model's even odds: not
# tuned; the counts that bear it out are in headline_clause's comment
HEADLINE_THRESHOLD = 0.5
REPORT_KEEP = 0.99  # share of the CV positives the lower threshold keeps, in a report that tells of violence


def youden(probs, y, weights, t: float) -> float:
    """Share of the positives kept less share of the negatives kept, each weighted by its sample weight."""
    pos = sum(w for p, lab, w in zip(probs, y, weights, strict=True) if lab == 1 and p >= t)
    neg = sum(w for p, lab, w in zip(probs, y, weights, strict=True) if lab == 0 and p >= t)
    return pos / sum(w for lab, w in zip(y, weights, strict=True) if lab == 1) - neg / sum(
        w for lab, w in zip(y, weights, strict=True) if lab == 0)


def choose_threshold(probs, y, sources, weights, keep: float | None) -> tuple[float, float]:
    """The thresholds on the CV probabilities. The first, with ``keep``, is the highest that keeps that share of
    the positives; else the one that best parts the annotated positives (RAMS, WikiEvents: clauses of real news
    read by people) from the hand-labelled negatives (Youden's J: kept positives less kept negatives), since the
    UCDP headlines are kept at any threshold and the weak negatives were never read. The second (a report that
    tells of violence: one sense per discourse) keeps REPORT_KEEP of the positives. Prints the trade-off per kind
    of example."""
    pos = sorted(p for p, lab in zip(probs, y, strict=True) if lab == 1)
    kinds = sorted(set(sources))

    def kept(kind: str, t: float) -> float:
        ps = [p for p, s in zip(probs, sources, strict=True) if s == kind]
        return sum(p >= t for p in ps) / max(len(ps), 1)

    grid = [round(0.05 * i, 2) for i in range(1, 16)]
    report = round(float(pos[int(len(pos) * (1 - REPORT_KEEP))]), 4)
    if keep is not None:
        threshold = round(float(pos[int(len(pos) * (1 - keep))]), 4)
    else:
        # the judged headlines teach the model but leave the clause threshold to the articles' clauses: a title
        # line's clause has its own (headline_threshold)
        art = [i for i, s in enumerate(sources) if not s.startswith("hl")]
        sub = ([probs[i] for i in art], [y[i] for i in art], [weights[i] for i in art])
        threshold = max(grid, key=lambda t: (youden(*sub, t), -t))
    print("threshold  " + "  ".join(f"{k:>11}" for k in kinds) + "   (share kept, CV)")
    for t in sorted({*grid, threshold, report}):
        mark = "  <- threshold" if t == threshold else "  <- report_threshold" if t == report else ""
        print(f"{t:9.4f}  " + "  ".join(f"{kept(k, t):>11.3f}" for k in kinds) + mark)
    return threshold, min(report, threshold)


# s41's best recipe by the tune figures cross-validated on the same document folds as the shipped one
# (scripts/clause_folds.py, scripts/clause_cv.py): NOT shipped, it drops clear single-sentence events (see the docstring)
RECIPE = "python3 scripts/train_clause_model.py --C 0.3 --pages --ucdp-weight 0.5 --threshold 0.65 --write"
SHIPPED = "498fc6b"  # the commit whose recipe wrote the shipped weights (see the docstring)
SHIPPED_TRAINER = "python3 scripts/train_clause_model.py --shipped --out FILE (the recipe of 498fc6b: --C 0.3)"
SHIPPED_TRAINED_ON = ("tune split: RAMS dev attack/die/injure trigger sentences, WikiEvents tune documents, UCDP "
                      "Nigeria headlines (all, weight 0.2); tune half of the real negative sentences, WikiEvents tune "
                      "sentences with no such event; weak (weight 0.5): ECB+ tune documents of topics about other "
                      "things, RAMS dev trigger sentences of non-violent event kinds (tune half); an ALL-CAPS copy of "
                      "each article; MUC-4 dev sentences holding a template's filler (every other report, weak)")


def reproduce_shipped(out: Path, cache: Path | None = None) -> None:
    """Write the shipped model to ``out``: the recipe of commit SHIPPED run on a copy of that commit's tree (its
    candidates and features) over ../shared, with this meta and the hand-set headline_threshold added."""
    with tempfile.TemporaryDirectory(prefix="clause-shipped-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", SHIPPED], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        (Path(tmp) / "shared").symlink_to(SHARED)
        cmd = [sys.executable, "scripts/train_clause_model.py", "--C", "0.3", "--write"]
        cmd += ["--cache", str(cache.resolve())] if cache is not None else []
        subprocess.run(cmd, cwd=tree, check=True, env={**os.environ, "PYTHONPATH": str(tree / "src")})
        model = json.loads((tree / "src" / "sitrep" / "knowledge" / "clause_model.json").read_text(encoding="utf-8"))
    model["meta"].update(trainer=SHIPPED_TRAINER, trained_on=SHIPPED_TRAINED_ON)
    shipped = {k: model[k] for k in ("meta", "bias", "threshold", "report_threshold")}
    shipped |= {"headline_threshold": HEADLINE_THRESHOLD, "weights": model["weights"]}
    out.write_text(json.dumps(shipped, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out} (the shipped model, {len(model['weights'])} weights)")


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=0.0, help="regularisation; 0: the best of a grid by CV log loss")
    ap.add_argument("--keep", type=float, help="share of tune positives the threshold keeps (CV); default: the "
                    "threshold that best parts annotated positives from hand-labelled negatives")
    ap.add_argument("--cache", type=Path, help="pickle of the parsed examples, reused when it exists")
    ap.add_argument("--no-judged-headlines", dest="judged_headlines", action="store_false", help="leave out our "
                    "Middle East sets' tune headlines, judged attack or not (see _headlines_judged)")
    ap.add_argument("--folds", type=Path, help="also write the model of each CV fold (FOLDS.fold0.json ..: fitted "
                    "without that fold, with the full model's thresholds), for scripts/clause_cv.py")
    ap.add_argument("--family-balance", dest="family", action="store_true", help="one class balance per trigger "
                    "family (family_balanced) instead of one over all candidates (scikit-learn's 'balanced'): measured "
                    "in s35, no tune gain (see the docstring)")
    ap.add_argument("--no-hard-negatives", dest="hard_negatives", action="store_false", help="leave out "
                    "realnews_hard_negatives.csv (as the shipped recipe had it)")
    ap.add_argument("--no-hard-positives", dest="hard_positives", action="store_false", help="leave out "
                    "realnews_hard_positives.csv")
    ap.add_argument("--pages", action="store_true", help="add the seed-like tune sets' reports with no gold event "
                    "as negatives (_everyday_pages)")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (wc=,wc_kind=): the "
                    "model gets no weight for them, so the run-time features of the clause read none")
    ap.add_argument("--ucdp-weight", type=float, default=WEAK["nga+"], help="the sample weight of a UCDP tune headline")
    ap.add_argument("--threshold", type=float, default=0.0, help="the clause threshold, instead of the one "
                    "choose_threshold finds (s41's shipped recipe: 0.65)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT, help="where --write (or --shipped) puts the model")
    ap.add_argument("--shipped", action="store_true", help=f"write the shipped model: the recipe of {SHIPPED} on a "
                    "copy of that commit's tree (today's recipe gives another model; see the docstring)")
    return ap.parse_args()


def _command(argv: list[str]) -> str:
    """The command that rewrites the model: the arguments less where the examples are cached and the files go."""
    out, skip = [], False
    for a in argv:
        if skip or a in ("--cache", "--out", "--folds"):
            skip = not skip and a in ("--cache", "--out", "--folds")
            continue
        out.append(a)
    return " ".join(["python3 scripts/train_clause_model.py", *out])


def main() -> None:
    args = _arguments()
    if args.shipped:
        reproduce_shipped(args.out, args.cache)
        return
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    WEAK["nga+"] = args.ucdp_weight
    from sklearn.metrics import log_loss

    data = load(args.cache, args.judged_headlines, args.pages, args.hard_negatives)
    if not args.hard_positives:
        data = [d for d in data if not d[3].startswith("hpos")]
    if args.drop:
        drop = tuple(args.drop.split(","))
        data = [([f for f in feats if not f.startswith(drop)], *rest) for feats, *rest in data]
    vec = DictVectorizer()
    X = vec.fit_transform([dict.fromkeys(f, 1) for f, *_ in data]).tocsr()
    y = np.array([d[1] for d in data])
    groups = np.array([d[2] for d in data])
    sources = [d[3] for d in data]
    plain = np.array([next((w for k, w in WEAK.items() if s.startswith(k)), 1.0) for s in sources])
    weights = family_balanced(y, [family(f) for f, *_ in data], plain) if args.family else plain
    grid = [args.C] if args.C else [0.03, 0.1, 0.3, 1.0, 3.0]
    # C by the log loss of the out-of-fold probabilities (folds by document), each example at its plain weight
    cv = {C: cv_probabilities(X, y, groups, weights, C, args.family) for C in grid}
    losses = {C: log_loss(y, p, sample_weight=plain) for C, p in cv.items()}
    C = min(losses, key=losses.get)
    print("CV log loss by C: " + ", ".join(f"{c}: {v:.4f}" for c, v in losses.items()) + f" -> C={C}")
    probs = cv[C]
    threshold, report_threshold = choose_threshold(probs, y, sources, weights, args.keep)
    if args.threshold:  # set by hand on the tune figures cross-validated (clause_cv.py); see the docstring
        threshold, report_threshold = args.threshold, min(report_threshold, args.threshold)
    rejected = float(np.mean(probs[y == 0] < threshold))
    keeps = float(np.mean(probs[y == 1] >= threshold))
    print(f"{len(y)} candidates ({y.sum()} violent, {len(y) - y.sum()} not); CV threshold {threshold}: keeps "
          f"{keeps:.3f} of violent, rejects {rejected:.3f} of the others")
    clf = classifier(C, args.family).fit(X, y, sample_weight=weights)
    names = vec.get_feature_names_out()
    weights_out = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-3}
    top = sorted(weights_out.items(), key=lambda kv: kv[1])
    print("most 'other sense':", ", ".join(f"{k} {v:+.2f}" for k, v in top[:25]))
    print("most 'violent':", ", ".join(f"{k} {v:+.2f}" for k, v in top[::-1][:25]))
    model = {"meta": {"trainer": _command(sys.argv[1:]), "C": C,
                      "trained_on": "tune split: RAMS dev attack/die/injure trigger sentences, WikiEvents tune "
                                    f"documents, UCDP Nigeria headlines (all, weight {args.ucdp_weight}); tune half of the real negative "
                                    "sentences, WikiEvents tune sentences with no such event; weak (weight 0.5): ECB+ "
                                    "tune documents of topics about other things, RAMS dev trigger sentences of "
                                    "non-violent event kinds (tune half); an ALL-CAPS copy of each article; MUC-4 dev "
                                    "sentences holding a template's filler (every other report, weak)"
                                    + "; hard negatives" * args.hard_negatives + "; hard positives" * args.hard_positives
                                    + "; the seed-like tune sets' pages with no gold event" * args.pages
                                    + "; the Middle East sets' judged tune headlines" * args.judged_headlines,
                      "family_balance": args.family, "hard_positives": args.hard_positives,
                      "hard_negatives": args.hard_negatives, "pages": args.pages,
                      "dropped": args.drop, "ucdp_weight": args.ucdp_weight,
                      "demonyms_hidden": True,  # the features were read with demonyms=True (clause_features)
                      "candidates": len(y), "violent": int(y.sum()), "cv_keeps": round(keeps, 4),
                      "cv_rejects": round(rejected, 4)},
             "bias": round(float(clf.intercept_[0]), 4), "threshold": threshold,
             "report_threshold": report_threshold, "headline_threshold": HEADLINE_THRESHOLD, "weights": weights_out}
    if args.write:
        args.out.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({len(weights_out)} weights)")
    if args.folds is not None:
        for k in range(5):
            part = groups != k
            fold = classifier(C, args.family).fit(
                X[part], y[part], sample_weight=weights[part])
            out = {**model, "meta": {**model["meta"], "fold": k}, "bias": round(float(fold.intercept_[0]), 4),
                   "weights": {str(n): round(float(w), 4) for n, w in zip(names, fold.coef_[0], strict=True)
                               if abs(w) >= 1e-3}}
            Path(f"{args.folds}.fold{k}.json").write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {args.folds}.fold0..4.json")


if __name__ == "__main__":
    main()
