namespace Portal.Domain.Compliance;

/// <summary>What a person's log says about one competency today.</summary>
public static class CompetencyStanding
{
    /// <summary>
    /// The sign-off in force: the latest recorded, unless it was withdrawn. Latest by recording
    /// order, not by the observation's date, because an observation may be dated up to 30 days back:
    /// a sign-off withdrawn for a wrong date and recorded again with the right, earlier one counts.
    /// A withdrawal does not bring back an older sign-off: the latest recorded is the one that counts.
    /// </summary>
    public static CompetencyRecord? Current(IEnumerable<CompetencyRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var records = log.ToList();
        return Current(records.Select(CompetencyEvent.Of)) is { } current ? records.First(r => r.Id == current.Id && r.Kind == current.Kind) : null;
    }

    public static CompetencyEvent? Current(IEnumerable<CompetencyEvent> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var events = log as IReadOnlyCollection<CompetencyEvent> ?? [.. log];
        CompetencyEvent? latest = null;
        foreach (var e in events)
        {
            if (e.Kind == CompetencyRecordKind.SignedOff && (latest is not { } l || e.Id > l.Id))
                latest = e;
        }
        if (latest is not { } found || events.Any(e => e.Kind == CompetencyRecordKind.Revoked && e.RevokesId == found.Id))
            return null;
        return found;
    }

    /// <summary>The matrix cell: valid until the review interval has passed since the observation.</summary>
    public static ComplianceCell Cell(IEnumerable<CompetencyRecord> log, int reviewMonths, DateTime nowUtc) =>
        Cell(log.Select(CompetencyEvent.Of), reviewMonths, nowUtc);

    public static ComplianceCell Cell(IEnumerable<CompetencyEvent> log, int reviewMonths, DateTime nowUtc)
    {
        if (Current(log) is not { } signOff)
            return new(ComplianceStatus.Missing, null, null);
        var observed = signOff.On.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return ComplianceRules.Cell(observed, ExpiresAtUtc(signOff.On, reviewMonths), nowUtc);
    }

    /// <summary>When a sign-off observed on this day runs out: the review interval after the observation.</summary>
    public static DateTime ExpiresAtUtc(DateOnly observedOn, int reviewMonths) =>
        observedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMonths(reviewMonths);
}
