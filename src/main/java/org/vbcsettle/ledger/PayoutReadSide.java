package org.vbcsettle.ledger;

import org.vbcsettle.money.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries of the {@code payouts} table (the payer's disbursement list). It lags the ledger by the
 * projection's polling interval; the ledger itself ({@link LedgerClient#payouts}) is always current.
 */
public final class PayoutReadSide {

    private final DataSource dataSource;

    public PayoutReadSide(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param status null: every status */
    public List<Payout> byStatus(Payout.Status status) {
        return find(null, status);
    }

    /**
     * @param contractId null: every contract
     * @param status     null: every status
     */
    public List<Payout> find(String contractId, Payout.Status status) {
        String where = contractId == null && status == null ? ""
                : " WHERE " + (contractId == null ? "" : "contract_id = ?") + (contractId != null && status != null ? " AND " : "")
                + (status == null ? "" : "status = ?");
        String sql = "SELECT payout_key, contract_id, trigger_name, period_id, performance_year, amount_cents, reason, status, "
                + "triggered_at_sequence, dispute_remitted_cents, dispute_short_cents, dispute_reason, dispute_trace FROM payouts" + where + " ORDER BY contract_id, payout_key";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (contractId != null) {
                ps.setString(i++, contractId);
            }
            if (status != null) {
                ps.setString(i, status.name());
            }
            List<Payout> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String trace = rs.getString(13);
                    Payout.Dispute dispute = trace == null ? null
                            : new Payout.Dispute(rs.getLong(10), rs.getLong(11), rs.getString(12), trace);
                    out.add(new Payout(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            Money.ofCents(rs.getLong(6)), rs.getString(7), Payout.Status.valueOf(rs.getString(8)), rs.getLong(9), dispute));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the payouts table failed: " + e.getMessage(), e);
        }
    }

    /** Whether the database answers within {@code seconds}. */
    public boolean databaseAnswers(int seconds) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(seconds);
        } catch (SQLException e) {
            return false;
        }
    }
}
