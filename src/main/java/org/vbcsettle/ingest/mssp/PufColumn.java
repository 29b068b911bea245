package org.vbcsettle.ingest.mssp;

import java.util.List;
import java.util.Locale;

/**
 * The PUF columns reconcile-mssp reads, each with the names CMS has used for it across years (matched without
 * regard to case, underscores or spaces). Only inputs are listed: the published outputs GenSaveLoss,
 * FinalShareRate, FinalLossRate, BnchmkMinExp and Sav_rate are never read; EarnSaveLoss is read only to compare.
 */
enum PufColumn {
    ACO_ID(true, "ACO_ID", "ACO_Num", "ACO_Number", "ACOID", "ACO"),
    YEAR(false, "year", "Performance_Year", "Perf_Year", "PY", "Performance_Yr"),
    ASSIGNED(true, "N_AB", "N_Assigned_Beneficiaries", "Assigned_Beneficiaries", "N_Assigned", "NAB"),
    BENCHMARK(true, "ABtotBnchmk", "AB_tot_Bnchmk", "ABtot_Bnchmk", "Tot_Bnchmk", "Total_Benchmark"),
    EXPENDITURE(true, "ABtotExp", "AB_tot_Exp", "ABtot_Exp", "Tot_Exp", "Total_Expenditures", "Total_Expenditure"),
    MIN_SAVINGS_RATE(false, "MinSavPerc", "Min_Sav_Perc", "MinSavRate", "Min_Sav_Rate", "MSR", "MSR_MLR", "MinSavLossPerc"),
    TRACK(false, "Current_Track", "Track", "Current_Track_Level", "Track_Level", "Level"),
    TRACK_1_PLUS(false, "Current_Track_1_Plus", "Track_1_Plus", "Track1_Plus", "Track1Plus", "Current_Track_1Plus"),
    TRACK_3(false, "Current_Track_3", "Track_3", "Track3"),
    TRACK_2(false, "Current_Track_2", "Track_2", "Track2"),
    TRACK_1(false, "Current_Track_1", "Track_1", "Track1"),
    /** PY2019–2021: one flag per BASIC level and ENHANCED, where there is no single track column. */
    BASIC_A_FLAG(false, "Current_BASIC_A", "BASIC_A", "Current_Basic_Level_A"),
    BASIC_B_FLAG(false, "Current_BASIC_B", "BASIC_B", "Current_Basic_Level_B"),
    BASIC_C_FLAG(false, "Current_BASIC_C", "BASIC_C", "Current_Basic_Level_C"),
    BASIC_D_FLAG(false, "Current_BASIC_D", "BASIC_D", "Current_Basic_Level_D"),
    BASIC_E_FLAG(false, "Current_BASIC_E", "BASIC_E", "Current_Basic_Level_E"),
    ENHANCED_FLAG(false, "Current_ENHANCED", "ENHANCED", "Current_Enhanced_Track"),
    AGREEMENT_START(false, "Current_Start_Date", "Current_Agreement_Start_Date", "Agreement_Start_Date", "Agree_Start_Date",
            "Start_Date", "Initial_Start_Date"),
    QUALITY_SCORE(false, "QualScore", "Qual_Score", "Quality_Score", "QualityScore", "QualPerfScore", "Qual_Perf_Score"),
    MET_QPS(false, "Met_QPS", "MetQPS", "QPS_Met", "Met_Qual_Perf_Std", "Met_Quality_Standard"),
    MET_ALT_QPS(false, "Met_AltQPS", "Met_Alt_QPS", "MetAltQPS", "AltQPS_Met", "Met_Alternative_QPS", "Met_AQPS", "Met_Alt_Qual_Std"),
    /** PY2022+: other ways of meeting the standard, read only when Met_QPS is absent. */
    MET_PERCENTILE(false, "Met_30pctl", "Met_40pctl", "Met_Pctl"),
    /** Extreme and uncontrollable circumstances: the ACO was affected for quality, and received the floor score. */
    DISASTER_AFFECTED_QUALITY(false, "DisAffQual", "Dis_Aff_Qual", "EUC_Affected_Quality"),
    RECEIVED_FLOOR(false, "Recvd30p", "Recvd_30p", "Received_30pctl", "Recvd30pctl"),
    MET_INCENTIVE(false, "Met_Incentive", "Met_eCQM_Incentive"),
    MET_FIRST_YEAR(false, "Met_FirstYear", "Met_First_Year"),
    REVENUE_CATEGORY(false, "Rev_Exp_Cat", "RevExpCat", "Revenue_Category", "Rev_Cat", "Low_Revenue", "Low_Rev", "LowRev"),
    PARTICIPANT_REVENUE(false, "ACO_Participant_Revenue", "Participant_Revenue", "Part_Rev", "Tot_Part_Rev", "ACO_Part_Rev"),
    DISASTER_ADJUSTMENT(false, "DisAdj", "Dis_Adj", "Disaster_Adj", "EUC_Adj", "DisasterAdj"),
    /** PY2024: the benchmark guardrail (42 CFR 425.652(b)(5)(ii)), a flag or the recalculated benchmark. */
    GUARDRAIL(false, "Guardrail", "Benchmark_Guardrail", "Guardrail_Applied", "Guardrail_Flag"),
    PUBLISHED_EARNED(true, "EarnSaveLoss", "Earn_Save_Loss", "EarnSavLoss", "Earned_Savings_Losses", "EarnSaveLoss_Final");

    private final boolean required;
    private final List<String> names;

    PufColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    boolean required() {
        return required;
    }

    List<String> names() {
        return names;
    }

    /** Header names compare without case, underscores, spaces, dots or a stray byte-order mark. */
    static String normalize(String header) {
        StringBuilder b = new StringBuilder();
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '+') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
