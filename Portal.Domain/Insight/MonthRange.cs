namespace Portal.Domain.Insight;

/// <summary>
/// Whole calendar months, first to last inclusive, each named by its first day. Figures are
/// compared with <see cref="Before"/>, the same number of months just before.
/// </summary>
public readonly record struct MonthRange
{
    /// <summary>Five years: as far as monthly charts stay readable on a phone.</summary>
    public const int MostMonths = 60;

    private MonthRange(DateOnly first, DateOnly last)
    {
        First = first;
        Last = last;
    }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public int Months => (Last.Year - First.Year) * 12 + Last.Month - First.Month + 1;

    public MonthRange Before => new(First.AddMonths(-Months), First.AddMonths(-1));

    public IEnumerable<DateOnly> Each()
    {
        for (var month = First; month <= Last; month = month.AddMonths(1))
            yield return month;
    }

    public bool Contains(DateOnly month) => month >= First && month <= Last;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The twelve months up to and including the one <paramref name="today"/> is in.</summary>
    public static MonthRange TwelveMonthsTo(DateOnly today) => new(MonthOf(today).AddMonths(-11), MonthOf(today));

    /// <returns>Null with <paramref name="problem"/> set when the months are the wrong way round, too many, or in the future.</returns>
    public static MonthRange? Create(DateOnly from, DateOnly to, DateOnly today, out string? problem)
    {
        var first = MonthOf(from);
        var last = MonthOf(to);
        problem = first > last ? "The first month must be before the last."
            : last > MonthOf(today) ? "The last month cannot be after this month."
            : (last.Year - first.Year) * 12 + last.Month - first.Month + 1 > MostMonths ? $"Choose at most {MostMonths} months."
            : null;
        return problem is null ? new MonthRange(first, last) : null;
    }
}
