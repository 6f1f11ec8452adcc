namespace Portal.Domain.Insight;

/// <summary>
/// Employer turnover and new-starter retention as published shares. Both are worked out from the
/// counts as <see cref="SmallNumbers"/> publishes them (rounded, small ones held back), never from
/// raw counts: a share of raw counts beside a rounded total would give the small number away.
/// </summary>
public static class Turnover
{
    /// <summary>How many months turnover is measured over: a rolling year.</summary>
    public const int Months = 12;

    /// <summary>
    /// Leavers in the year over the average headcount of the year (the staff in post at each
    /// month's end, averaged), as a whole per cent; null when either is held back or the average
    /// is too small to say.
    /// </summary>
    /// <param name="leavers">Leavers in the twelve months (raw).</param>
    /// <param name="headcounts">Staff in post at the end of each of the months (raw); months before anyone was there count as none.</param>
    public static int? Percent(int leavers, IReadOnlyCollection<int> headcounts)
    {
        ArgumentNullException.ThrowIfNull(headcounts);
        if (headcounts.Count == 0)
            return null;
        var average = (int)Math.Round(headcounts.Average(), MidpointRounding.AwayFromZero);
        return Share(SmallNumbers.Show(leavers), SmallNumbers.Show(average));
    }

    /// <summary>A part over a whole, both as published, as a whole per cent; null when either is held back or the whole is nothing.</summary>
    public static int? Share(ShownCount part, ShownCount whole) =>
        part.Value is { } p && whole.Value is { } w && w > 0 ? (int)Math.Round(100.0 * p / w, MidpointRounding.AwayFromZero) : null;
}
