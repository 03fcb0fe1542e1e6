"""Summarises exported orders for the example shop."""
import csv
import sys


class OrderReport:
    """Totals of orders read from a CSV export."""

    def __init__(self, rows):
        self.rows = list(rows)

    def total_cents(self):
        """Sum of the `total` column."""
        return sum(int(row["total"]) for row in self.rows)


def main(path):
    with open(path, newline="") as handle:
        report = OrderReport(csv.DictReader(handle))
    print(report.total_cents())


if __name__ == "__main__":
    main(sys.argv[1])
