package org.vbcsettle.api;

/** Contract documents and records used by the route tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Payer blue-payer, provider acme-aco, calendar 2024, one quality measure CBP. */
    static String contractYaml(String id, String payer, String provider) {
        return """
                id: %s
                version: 1
                name: Test contract %s
                payer: %s
                provider: %s
                performanceStart: 2024-01-01
                performanceEnd: 2024-12-31
                arrangements:
                  - type: quality-incentive
                    id: hedis
                    measures:
                      - id: CBP
                        name: Controlling high blood pressure
                        weight: 1
                        minimumDenominator: 2
                        target: 0.60
                    bonus:
                      method: pool
                      amount: "$10,000.00"
                    minimumComposite: 0.50
                    scaleByComposite: false
                """.formatted(id, id, payer, provider);
    }

    static String claim(String id, String member, String from, String paid, long cents) {
        return """
                {"id":"%s","memberId":"%s","type":"professional","serviceFrom":"%s","serviceThrough":"%s","paidDate":"%s","paidAmount":%d}"""
                .formatted(id, member, from, from, paid, cents);
    }
}
