namespace Portal.Domain.Insight;

/// <summary>
/// The middle of a set of durations kept as counts by whole days (so months can be added together,
/// which medians cannot). Fewer than <see cref="SmallNumbers.Threshold"/> durations give no median:
/// with one or two, the median is someone's own wait.
/// </summary>
public static class Durations
{
    /// <param name="countsByDays">How many took each number of days.</param>
    /// <returns>The median in days (a half when the two middle ones differ by one), or null for too few.</returns>
    public static double? Median(IEnumerable<KeyValuePair<int, int>> countsByDays)
    {
        ArgumentNullException.ThrowIfNull(countsByDays);
        var sorted = countsByDays.Where(c => c.Value > 0).OrderBy(c => c.Key).ToList();
        var total = sorted.Sum(c => c.Value);
        if (total < SmallNumbers.Threshold)
            return null;
        int At(int index)
        {
            var seen = 0;
            foreach (var (days, count) in sorted)
            {
                seen += count;
                if (index < seen)
                    return days;
            }
            throw new InvalidOperationException("Index beyond the counts.");
        }

        return total % 2 == 1 ? At(total / 2) : (At(total / 2 - 1) + At(total / 2)) / 2.0;
    }
}
