namespace Portal.Domain.Insight;

/// <summary>
/// The one disclosure rule for every published count of people (insight pages, charts and CSV
/// alike): counts from 1 to 4 are held back, and every other count is rounded to the nearest 5.
/// Rounding everything, totals included, is what stops a held-back cell being worked out by
/// subtracting its neighbours from a total, or one date range or filter from another: each figure
/// is only known to within 2, so a difference of two figures never pins down a small number.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    /// <summary>Said once on every page that shows counts, and in every CSV.</summary>
    public const string Rule = "To protect people's privacy, counts are rounded to the nearest 5 and counts from 1 to 4 are shown as \"fewer than 5\". Totals are rounded separately, so they may not add up exactly.";

    public static ShownCount Show(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
            return new ShownCount(0);
        if (count < Threshold)
            return new ShownCount(null);
        return new ShownCount((int)Math.Round(count / (double)Threshold, MidpointRounding.AwayFromZero) * Threshold);
    }
}
