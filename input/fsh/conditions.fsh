Profile: CVDConditionBase
Parent: $JP_Condition_eCS
Id: jp-cvd-condition-base
Title: "test"
Description: "test"
