package dev.quarry.examples.sakila;

import dev.quarry.examples.sakila.SakilaReports.ActorFilms;
import dev.quarry.examples.sakila.SakilaReports.CategoryRevenue;
import dev.quarry.examples.sakila.SakilaReports.CustomerLine;
import dev.quarry.examples.sakila.SakilaReports.FilmRef;
import dev.quarry.examples.sakila.SakilaReports.NeverRented;
import dev.quarry.examples.sakila.SakilaReports.OpenRental;
import dev.quarry.examples.sakila.SakilaReports.RentalCounts;
import dev.quarry.examples.sakila.SakilaReports.StoreCustomers;
import dev.quarry.examples.sakila.SakilaReports.TableRows;
import dev.quarry.examples.sakila.SakilaReports.TopCustomer;
import dev.quarry.examples.sakila.SakilaReports.TransactionDemo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Prints the results of {@link SakilaReports} as text tables; all the demo's formatting is here. */
final class SakilaReportPrinter {
    private static final int SAMPLE_SIZE = 10;

    private final SakilaReports reports;
    private final StatementCounter counter;
    private final PrintStream out;

    /** @param counter the statement counter registered with the reports' database */
    SakilaReportPrinter(SakilaReports reports, StatementCounter counter, PrintStream out) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Prints the row counts, the payment total and the seven reports, in that order. */
    void printAll() {
        printRowCounts();
        printTopCustomers();
        printCategoryRevenue();
        printTopActors();
        printNeverRented();
        printOpenRentals();
        printTransactions();
        printStoreCustomers();
    }

    private void heading(String title) {
        out.println(title);
        out.println("=".repeat(title.length()));
    }

    private void heading(int report) {
        heading(SakilaDemo.REPORT_HEADINGS.get(report - 1));
    }

    private void printRowCounts() {
        heading("Rows per table after loading");
        TextTable table = new TextTable("table", "rows");
        long sum = 0;
        for (TableRows t : reports.rowCounts()) {
            table.row(t.table(), t.rows());
            sum += t.rows();
        }
        table.row("(all)", sum);
        out.print(table.render());
        out.println();
        BigDecimal total = reports.paymentTotal();
        out.println("Payment total: " + (total == null ? "no payments" : total.toPlainString()));
        out.println();
    }

    private void printTopCustomers() {
        heading(1);
        TextTable table = new TextTable("#", "customer id", "name", "rentals", "total paid");
        int rank = 0;
        for (TopCustomer c : reports.topCustomers(10)) {
            table.row(++rank, c.customerId(), c.firstName() + " " + c.lastName(), c.rentals(), c.totalPaid());
        }
        out.print(table.render());
        out.println("(rentals: distinct rentals the customer's payments are for; ties in total broken by customer id)");
        out.println();
    }

    private void printCategoryRevenue() {
        heading(2);
        TextTable table = new TextTable("category", "payments", "revenue");
        BigDecimal sum = BigDecimal.ZERO;
        long payments = 0;
        for (CategoryRevenue c : reports.revenueByCategory()) {
            table.row(c.category(), c.payments(), c.revenue());
            sum = sum.add(c.revenue());
            payments += c.payments();
        }
        table.row("(all)", payments, sum);
        out.print(table.render());
        out.println("(payments without a rental belong to no category)");
        out.println();
    }

    private void printTopActors() {
        heading(3);
        TextTable table = new TextTable("#", "actor id", "name", "films");
        int rank = 0;
        for (ActorFilms a : reports.topActors(5)) {
            table.row(++rank, a.actorId(), a.firstName() + " " + a.lastName(), a.films());
        }
        out.print(table.render());
        out.println();
    }

    private void printNeverRented() {
        heading(4);
        NeverRented result = reports.neverRentedFilms();
        out.println(result.count() + " of " + result.totalFilms() + " films were never rented (including films no store holds).");
        List<FilmRef> films = result.films();
        TextTable table = new TextTable("film id", "title");
        for (FilmRef f : films.subList(0, Math.min(SAMPLE_SIZE, films.size()))) table.row(f.filmId(), f.title());
        out.println("The first " + table.rowCount() + " by film id:");
        out.print(table.render());
        out.println();
    }

    private void printOpenRentals() {
        heading(5);
        out.println(reports.openRentalCount() + " rentals have no return date; the oldest " + SAMPLE_SIZE + ":");
        TextTable table = new TextTable("rental id", "rented at", "customer", "film");
        for (OpenRental r : reports.openRentals(SAMPLE_SIZE)) {
            table.row(r.rentalId(), r.rentalDate(), r.firstName() + " " + r.lastName(), r.title());
        }
        out.print(table.render());
        out.println();
    }

    private void printTransactions() {
        heading(6);
        TransactionDemo t = reports.rentalTransactions();
        out.println("Transaction 1 rents inventory item " + t.receipt().inventoryId() + " (" + t.receipt().title()
                + ") to customer " + SakilaReports.DEMO_CUSTOMER_ID + " at " + TextTable.format(SakilaReports.RENTED_AT)
                + ": rental " + t.receipt().rentalId() + ", payment " + t.receipt().paymentId() + " of "
                + t.receipt().amount().toPlainString() + "; committed.");
        out.println("Transaction 2 inserts rental " + t.failedRentalId() + ", then a payment for customer "
                + SakilaReports.MISSING_CUSTOMER_ID + ", who does not exist: " + t.failure() + "; rolled back.");
        TextTable table = new TextTable("moment", "rental rows", "payment rows");
        row(table, "before", t.before());
        row(table, "after transaction 1 (committed)", t.afterCommit());
        row(table, "after transaction 2 (rolled back)", t.afterRollback());
        out.print(table.render());
        out.println("Rental " + t.failedRentalId() + " after the rollback: " + (t.failedRentalVisible() ? "present (!)" : "absent")
                + "; the failed transaction changed " + (t.afterRollback().equals(t.afterCommit()) ? "nothing." : "rows (!)"));
        out.println();
    }

    private void printStoreCustomers() {
        heading(7);
        StoreCustomers s = reports.storeCustomers(2, 5, counter);
        out.println("Store " + s.storeId() + " has " + s.customers() + " customers; walking every customer's rentals,"
                + " each rental's inventory item and its film found " + s.rentals() + " rentals of " + s.films() + " films.");
        TextTable table = new TextTable("customer", "rentals", "films", "film of the latest rental");
        for (CustomerLine c : s.first()) table.row(c.name(), c.rentals(), c.films(), c.latestFilm());
        out.print(table.render());
        out.println("(the first " + s.first().size() + " by last name) Queries: " + s.queries()
                + " (customers, rentals, inventory, films: one per relation level, not one per record).");
        out.println();
    }

    private static void row(TextTable table, String moment, RentalCounts counts) {
        table.row(moment, counts.rentals(), counts.payments());
    }
}
