namespace Portal.Domain.Training.Offline;

/// <summary>
/// When something done offline happened, as far as the record is concerned. The phone's clock says
/// when the learner finished; it is believed within bounds, because a phone's clock can be wrong
/// and a record must never show training finished in the future or before it started.
/// </summary>
public static class OfflineTiming
{
    /// <summary>
    /// The reported time, clamped: not after it was received, not before <paramref name="notBeforeUtc"/>
    /// (the round's start), and not older than <paramref name="oldest"/> before it was received.
    /// </summary>
    public static DateTime Clamp(DateTime reportedUtc, DateTime notBeforeUtc, DateTime receivedUtc, TimeSpan oldest)
    {
        if (oldest < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(oldest), "The window cannot be negative.");
        var floor = notBeforeUtc > receivedUtc - oldest ? notBeforeUtc : receivedUtc - oldest;
        if (floor > receivedUtc)
            floor = receivedUtc;
        if (reportedUtc < floor)
            return floor;
        return reportedUtc > receivedUtc ? receivedUtc : reportedUtc;
    }

    /// <summary>
    /// Whether work done on a module version that has since been replaced still counts: it does when
    /// the replacement is no older than <paramref name="window"/>, so a learner offline over a content
    /// change keeps their result, and one who kept a module for months does it again on the new text.
    /// </summary>
    public static bool VersionStillCounts(DateTime supersededAtUtc, DateTime receivedUtc, TimeSpan window) =>
        receivedUtc - supersededAtUtc <= window;
}
