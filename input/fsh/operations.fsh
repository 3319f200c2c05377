// ----------------------------------------------------------------------------
// 登録事業の独自操作 / The registry's own operations. Each definition lists the parameters exactly as the server's
// handler (src/fhir/operation/*) accepts and answers them; test/ig/operation-definitions.test.ts keeps the route
// table (src/fhir/routes.ts) and these definitions in step.
// ----------------------------------------------------------------------------

// id: the instance id (the end of the canonical URL); code: the name the operation is called by (without $).
RuleSet: OperationCommon(id, code)
* url = "http://jp-cvd-registry.org/fhir/OperationDefinition/{id}"
* status = #draft
* kind = #operation
* code = #{code}

// A parameter with a value type (soft-indexed, so the rules read in parameter order).
RuleSet: OperationParameter(name, use, min, max, type, documentation)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].type = #{type}
* parameter[=].documentation = "{documentation}"

// A parameter made of parts (no type of its own), followed by OperationPart rules.
RuleSet: OperationPartsParameter(name, use, min, max, documentation)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].documentation = "{documentation}"

RuleSet: OperationPart(name, min, max, type, documentation)
* parameter[=].part[+].name = #{name}
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = {min}
* parameter[=].part[=].max = "{max}"
* parameter[=].part[=].type = #{type}
* parameter[=].part[=].documentation = "{documentation}"

// The present / missing / implausible counts of one registry item ($registry-completeness), as parts of the
// current part.
RuleSet: CompletenessItemParts(path)
* {path}part[+].name = #name
* {path}part[=].use = #out
* {path}part[=].min = 1
* {path}part[=].max = "1"
* {path}part[=].type = #string
* {path}part[=].documentation = "登録項目名 (例: onset-time) / Registry item (e.g. onset-time; docs/REGISTRY-CASES.md)"
* {path}part[+].name = #present
* {path}part[=].use = #out
* {path}part[=].min = 1
* {path}part[=].max = "1"
* {path}part[=].type = #integer
* {path}part[=].documentation = "入力済みの症例数 / Cases with the item present"
* {path}part[+].name = #missing
* {path}part[=].use = #out
* {path}part[=].min = 1
* {path}part[=].max = "1"
* {path}part[=].type = #integer
* {path}part[=].documentation = "未入力の症例数 / Cases with the item missing"
* {path}part[+].name = #implausible
* {path}part[=].use = #out
* {path}part[=].min = 1
* {path}part[=].max = "1"
* {path}part[=].type = #integer
* {path}part[=].documentation = "値が不自然な症例数 / Cases with an implausible value"

// The report parameters shared by $indicator-checklist and $care-listing (src/fhir/operation/indicator-request.ts).
RuleSet: HospitalReportInput
* insert OperationParameter(hospital, in, 1, 1, string, [[医療機関コード (10桁)。病院クライアントは自院のみ、研究者は不可 / 10-digit medical institution code (required); a hospital client may name its own hospital only, researchers none]])
* insert OperationParameter(periodStart, in, 1, 1, date, [[対象期間の開始 (入院日、日付は日本時間) / Start of the period of admissions (a date, read in Japan time, or a dateTime)]])
* insert OperationParameter(periodEnd, in, 1, 1, date, [[対象期間の終了 (その日を含む) / End of the period of admissions, inclusive (a date or a dateTime)]])
* insert OperationParameter(hospital, out, 1, 1, Identifier, [[対象医療機関 (医療機関コード) / The hospital reported on (medical institution code)]])
* insert OperationParameter(period, out, 1, 1, Period, [[対象期間 (要求どおり) / The period as requested]])

// ----------------------------------------------------------------------------
Instance: epidemiology
InstanceOf: OperationDefinition
Usage: #definition
Title: "疫学集計 / Epidemiology"
* insert OperationCommon(epidemiology, epidemiology)
* name = "Epidemiology"
* title = "疫学集計 / Epidemiology"
* system = true
* type = false
* instance = false
* affectsState = false
* description = """
登録症例 (急性期入院) を疾患・都道府県・年齢階級・性別・入院月でクロス集計した症例数と粗罹患率 (人口10万人年あたり)。
少数セルは秘匿する。主病名の疾患でのみ数え、二次利用を拒否した患者の症例は除く。Parameters で返し、
`_format=text/csv` (または Accept: text/csv) なら CSV で返す。登録事務局は全症例 (hospital で1施設)、研究者は全施設の合計のみ、
病院クライアントは自院の症例のみ。
/ Counts and crude rates (per 100,000 person-years) of registry cases (acute admissions) cross-classified by disease,
prefecture, age band, sex and admission month, with small cells suppressed. A case counts under its principal disease
only; cases of patients who refused secondary use are left out. Answers Parameters, or CSV when negotiated
(`_format=text/csv` or Accept: text/csv). Registry staff see all cases (one hospital's with `hospital`), researchers
aggregates over all hospitals only, hospital clients their own cases only (docs/EPIDEMIOLOGY.md).
"""
* insert OperationParameter(period-start, in, 1, 1, date, [[対象とする最初の入院日 (YYYY-MM-DD、日本時間) / First admission day counted (YYYY-MM-DD, Japan time)]])
* insert OperationParameter(period-end, in, 1, 1, date, [[対象とする最後の入院日 (その日を含む) / Last admission day counted, inclusive]])
* insert OperationParameter(group-by, in, 0, 1, string, [[集計軸のカンマ区切り: disease, prefecture, age-band, sex, month (既定 disease、空なら総数のみ) / Comma list of disease, prefecture, age-band, sex, month (default disease; empty: the total only)]])
* insert OperationParameter(disease, in, 0, 1, string, [[jp-cvd-disease-group のコードのカンマ区切り (既定: 6疾患すべて) / Comma list of jp-cvd-disease-group codes (default: all six)]])
* insert OperationParameter(prefecture-basis, in, 0, 1, code, [[residence (患者住所、既定) または hospital (医療機関の所在地) / residence (the patient's address, default) or hospital (the hospital's prefecture)]])
* insert OperationParameter(age-band-width, in, 0, 1, integer, [[年齢階級の幅 5 または 10 (既定はサーバ設定) / Age band width, 5 or 10 (default: the server's EPI_AGE_BAND_WIDTH)]])
* insert OperationParameter(hospital, in, 0, 1, string, [[医療機関コード (10桁): その施設の症例のみ (登録事務局) / 10-digit medical institution code: that hospital's cases only (registry staff)]])
* insert OperationParameter(period, out, 1, 1, Period, [[集計した入院期間 / The admission period counted]])
* insert OperationParameter(disease, out, 0, 1, string, [[指定された疾患 (カンマ区切り) / The diseases asked for (comma list)]])
* insert OperationParameter(group-by, out, 0, 1, string, [[集計軸 (固定順) / The dimensions, in their fixed order]])
* insert OperationParameter(prefecture-basis, out, 1, 1, code, [[都道府県の基準 / The prefecture basis]])
* insert OperationParameter(age-band-width, out, 1, 1, integer, [[年齢階級の幅 / The age band width]])
* insert OperationParameter(hospital, out, 0, 1, string, [[対象医療機関 / The hospital counted]])
* insert OperationParameter(min-cell-count, out, 1, 1, integer, [[秘匿の閾値 (これ未満のセルは件数を示さない) / Cells below this count are suppressed]])
* insert OperationParameter(total, out, 0, 1, integer, [[総症例数 (閾値未満なら省略) / All cases counted (absent below the threshold)]])
* insert OperationPartsParameter(cell, out, 0, *, [[症例のある組合せごとのセル (示されない組合せは0件) / One per combination with cases (a combination not listed counted none)]])
* insert OperationPart(disease, 0, 1, Coding, [[疾患 (jp-cvd-disease-group) / Disease (jp-cvd-disease-group)]])
* insert OperationPart(prefecture, 0, 1, code, [[都道府県 (JIS X 0401 の2桁) または unknown / Prefecture (JIS X 0401, 2 digits) or unknown]])
* insert OperationPart(age-band, 0, 1, string, [[入院時年齢の階級 (例: 60-69, 90+) / Age band at admission (e.g. 60-69, 90+)]])
* insert OperationPart(sex, 0, 1, code, [[性別 / Sex (administrative gender)]])
* insert OperationPart(month, 0, 1, string, [[入院月 (YYYY-MM、日本時間) / Admission month (YYYY-MM, Japan time)]])
* insert OperationPart(count, 0, 1, integer, [[症例数 (秘匿時は省略) / Cases (absent when suppressed)]])
* insert OperationPart(suppressed, 1, 1, boolean, [[少数のため秘匿したか / Whether the cell is suppressed]])
* insert OperationPart(person-years, 0, 1, decimal, [[人口 (人年) / Population person-years]])
* insert OperationPart(rate, 0, 1, decimal, [[人口10万人年あたりの粗率 (秘匿時・不明時は省略) / Cases per 100,000 person-years (absent when suppressed or unknown)]])
* insert OperationParameter(outcome, out, 0, 1, OperationOutcome, [[警告 (率を省いた理由、秘匿セル数) / Warnings (why rates are omitted, how many cells are suppressed)]])

// ----------------------------------------------------------------------------
Instance: registry-completeness
InstanceOf: OperationDefinition
Usage: #definition
Title: "登録項目の入力完全性 / Registry completeness"
* insert OperationCommon(registry-completeness, registry-completeness)
* name = "RegistryCompleteness"
* title = "登録項目の入力完全性 / Registry completeness"
* system = true
* type = false
* instance = false
* affectsState = false
* description = """
受理した退院時サマリーの登録項目が、項目ごと・疾患ごとにどれだけ入力され (present)、欠け (missing)、不自然か (implausible)。
1施設 (または全施設) と入院日の期間で絞る。病院クライアントは自院のみ、登録事務局は全施設。
/ How complete and plausible the registry items of the accepted discharge summaries are, per item and per disease,
for one hospital (or all) and a period of admission dates. Hospital clients see their own hospital only, registry
staff any (docs/REGISTRY-CASES.md).
"""
* insert OperationParameter(hospital, in, 0, 1, string, [[医療機関コード (10桁、病院クライアントは自院) / 10-digit medical institution code (a hospital client: its own)]])
* insert OperationParameter(period-start, in, 0, 1, date, [[入院日の期間の開始 (YYYY-MM-DD) / First admission day (YYYY-MM-DD)]])
* insert OperationParameter(period-end, in, 0, 1, date, [[入院日の期間の終了 (YYYY-MM-DD) / Last admission day (YYYY-MM-DD)]])
* insert OperationParameter(disease, in, 0, 1, code, [[jp-cvd-disease-group のコード1つ: その疾患の症例のみ / One jp-cvd-disease-group code: that disease's cases only]])
* insert OperationParameter(hospital, out, 0, 1, string, [[対象医療機関 / The hospital reported on]])
* insert OperationParameter(period, out, 0, 1, Period, [[対象期間 / The period reported on]])
* insert OperationParameter(disease-filter, out, 0, 1, code, [[絞り込んだ疾患 / The disease filter]])
* insert OperationParameter(cases, out, 1, 1, integer, [[対象症例数 / Cases reported on]])
* insert OperationPartsParameter(item, out, 0, *, [[登録項目ごとの件数 (全疾患) / Counts per registry item (all diseases)]])
* insert CompletenessItemParts(parameter[=].)
* insert OperationPartsParameter(disease, out, 0, *, [[疾患ごとの症例数と項目ごとの件数 / Per disease: its cases and counts per item]])
* insert OperationPart(code, 1, 1, code, [[疾患 (jp-cvd-disease-group) / Disease (jp-cvd-disease-group)]])
* insert OperationPart(cases, 1, 1, integer, [[その疾患の症例数 / The disease's cases]])
* parameter[=].part[+].name = #item
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "*"
* parameter[=].part[=].documentation = "その疾患の登録項目ごとの件数 / Counts per registry item for the disease"
* insert CompletenessItemParts(parameter[=].part[=].)

// ----------------------------------------------------------------------------
Instance: indicator-checklist
InstanceOf: OperationDefinition
Usage: #definition
Title: "臨床指標チェックリスト / Indicator checklist"
* insert OperationCommon(indicator-checklist, indicator-checklist)
* name = "IndicatorChecklist"
* title = "臨床指標チェックリスト / Indicator checklist"
* resource = #Organization
* system = false
* type = true
* instance = false
* affectsState = false
* description = """
1施設の臨床指標チェックリスト: IG の Measure (臨床指標) ごとに、その施設と全国の分母・除外・分子・率を並べる。
病院クライアントは自院のみ、研究者は使えない (全国値は $evaluate-measure)。
/ One hospital's checklist: for every IG Measure (clinical indicator), the hospital's denominator, exclusions,
numerator and rate beside the national ones. Hospital clients may ask for their own hospital only; researchers get
national figures from $evaluate-measure instead (docs/INDICATORS.md).
"""
* insert HospitalReportInput
* insert OperationPartsParameter(indicator, out, 0, *, [[臨床指標ごと (Measure の id 順) / One per indicator, in Measure id order]])
* insert OperationPart(measure, 1, 1, canonical, [[Measure の canonical URL / The Measure's canonical URL]])
* insert OperationPart(code, 1, 1, code, [[指標コード (Measure の id = jp-cvd-indicator のコード) / Indicator code (the Measure id, a jp-cvd-indicator code)]])
* insert OperationPart(title, 1, 1, string, [[指標名 / Indicator title]])
* insert OperationPart(disease, 0, 1, code, [[対象疾患 (jp-cvd-disease-group) / Disease (jp-cvd-disease-group)]])
* insert OperationPart(improvementNotation, 0, 1, code, [[改善の方向 (increase | decrease) / Improvement direction (increase | decrease)]])
* insert OperationPart(hospitalDenominator, 1, 1, integer, [[施設の分母 / The hospital's denominator]])
* insert OperationPart(hospitalExclusion, 1, 1, integer, [[施設の分母除外 / The hospital's denominator exclusions]])
* insert OperationPart(hospitalNumerator, 1, 1, integer, [[施設の分子 / The hospital's numerator]])
* insert OperationPart(hospitalRate, 0, 1, decimal, [[施設の率 0–1 (分母−除外が0なら省略) / The hospital's rate 0–1 (absent when denominator minus exclusions is 0)]])
* insert OperationPart(nationalDenominator, 1, 1, integer, [[全国の分母 / The national denominator]])
* insert OperationPart(nationalExclusion, 1, 1, integer, [[全国の分母除外 / The national denominator exclusions]])
* insert OperationPart(nationalNumerator, 1, 1, integer, [[全国の分子 / The national numerator]])
* insert OperationPart(nationalRate, 0, 1, decimal, [[全国の率 0–1 (分母−除外が0なら省略) / The national rate 0–1 (absent when denominator minus exclusions is 0)]])

// ----------------------------------------------------------------------------
Instance: care-listing
InstanceOf: OperationDefinition
Usage: #definition
Title: "診療実績 / Care listing"
* insert OperationCommon(care-listing, care-listing)
* name = "CareListing"
* title = "診療実績 / Care listing"
* resource = #Organization
* system = false
* type = true
* instance = false
* affectsState = false
* description = """
1施設が期間内に診療した内容: 主病名の疾患ごとの症例数と死亡数、治療 (jp-cvd-procedure) ごとの実施件数と症例数。
病院クライアントは自院のみ、研究者は使えない。
/ What one hospital treated in the period: cases and deaths per principal disease, and procedures and cases per
treatment kind (jp-cvd-procedure). Hospital clients may ask for their own hospital only; researchers may not call it
(docs/INDICATORS.md).
"""
* insert HospitalReportInput
* insert OperationPartsParameter(disease, out, 0, *, [[主病名の疾患ごと / One per principal disease]])
* insert OperationPart(code, 1, 1, Coding, [[疾患 (jp-cvd-disease-group) / Disease (jp-cvd-disease-group)]])
* insert OperationPart(cases, 1, 1, integer, [[症例数 / Cases]])
* insert OperationPart(deaths, 1, 1, integer, [[死亡数 / Deaths]])
* insert OperationPartsParameter(procedure, out, 0, *, [[実施した治療の種類ごと / One per treatment kind given]])
* insert OperationPart(code, 1, 1, Coding, [[治療の種類 (jp-cvd-procedure) / Treatment kind (jp-cvd-procedure)]])
* insert OperationPart(procedures, 1, 1, integer, [[実施件数 / Procedures done]])
* insert OperationPart(cases, 1, 1, integer, [[実施した症例数 / Cases with the procedure]])

// ----------------------------------------------------------------------------
// 名寄せの担当者判断: 2つの患者記録を切り離す ($unlink) / 同一人物と確定する ($link) / An operator's linkage decision.
RuleSet: OperatorLinkParameters
* resource = #Patient
* system = false
* type = false
* instance = true
* affectsState = true
* parameter[+].name = #other
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Reference
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Patient"
* parameter[=].documentation = "もう一方の患者記録 (Patient/[id]) / The other Patient record (Patient/[id])"
* insert OperationParameter(return, out, 1, 1, OperationOutcome, [[結果 (information) / The outcome (information)]])

Instance: patient-unlink
InstanceOf: OperationDefinition
Usage: #definition
Title: "患者記録の名寄せ解除 / Patient unlink"
* insert OperationCommon(patient-unlink, unlink)
* name = "PatientUnlink"
* title = "患者記録の名寄せ解除 / Patient unlink"
* description = """
担当者が、名寄せで結び付けられた2つの患者記録を切り離す。両記録の seealso リンクを外し、do-not-link の判断を記録するので、
自動名寄せ (文書受付、link-patients) はこの組を再び結び付けない ($link で取り消せる)。登録事務局のみ。
/ An operator separates two Patient records that linkage tied together. The seealso links between them are removed
(both keep everything else) and a do-not-link decision is recorded, so automatic linkage (document ingest,
link-patients) never links the pair again; only a $link of the pair undoes it. Registry staff only
(docs/LINKAGE.md).
"""
* insert OperatorLinkParameters

Instance: patient-link
InstanceOf: OperationDefinition
Usage: #definition
Title: "患者記録の名寄せ確定 / Patient link"
* insert OperationCommon(patient-link, link)
* name = "PatientLink"
* title = "患者記録の名寄せ確定 / Patient link"
* description = """
担当者が、2つの患者記録を同一人物と確定する ($match の probable 候補など)。両記録に seealso リンクを付け、
この組に対する以前の判断 (名寄せ解除を含む) を置き換える。登録事務局のみ。
/ An operator confirms that two Patient records are the same person (e.g. a probable candidate of $match). Both get a
seealso link; the decision replaces any earlier one for the pair, an unlink included. Registry staff only
(docs/LINKAGE.md).
"""
* insert OperatorLinkParameters
