using Portal.Domain.Training;

namespace Portal.Domain.Compliance;

/// <summary>
/// Builds the staff training matrix: rows are people, columns the topics their jobs require. Pure:
/// the caller supplies each person's cells from their record, so the rules live here and the data
/// access in Infrastructure.
/// </summary>
public static class ComplianceMatrix
{
    private static readonly int StatusCount = Enum.GetValues<ComplianceStatus>().Length;

    /// <param name="staff">Everyone on the staff list, in the order to show them.</param>
    /// <param name="requiredByJob">Each job role's required topics, after the organisation's own settings.</param>
    /// <param name="topics">Every topic that may appear, in column order, with its title.</param>
    /// <param name="cell">A person's cell for a topic their job requires.</param>
    public static MatrixView Build(IEnumerable<MatrixPerson> staff, IReadOnlyDictionary<string, IReadOnlyList<Topic>> requiredByJob,
        IReadOnlyList<(Topic Topic, string Title)> topics, Func<MatrixPerson, Topic, ComplianceCell> cell, MatrixFilter filter)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(requiredByJob);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(filter);
        var people = staff.Where(p => (filter.JobRole is null || p.JobRole == filter.JobRole)
            && (filter.Team is null || string.Equals(p.Team, filter.Team, StringComparison.OrdinalIgnoreCase))).ToList();
        var requiredOf = people.Select(p => p.JobRole).Distinct(StringComparer.Ordinal)
            .ToDictionary(j => j, j => requiredByJob.TryGetValue(j, out var list) ? list.ToHashSet() : [], StringComparer.Ordinal);
        var shown = topics.Where(t => requiredOf.Values.Any(r => r.Contains(t.Topic))).ToList();

        var rows = new List<MatrixRow>(people.Count);
        foreach (var person in people)
        {
            var required = requiredOf[person.JobRole];
            var cells = new ComplianceCell?[shown.Count];
            for (var i = 0; i < shown.Count; i++)
                cells[i] = required.Contains(shown[i].Topic) ? cell(person, shown[i].Topic) : null;
            if (filter.Status is not { } status || cells.Any(c => c?.Status == status))
                rows.Add(new MatrixRow(person, cells));
        }

        var columns = new List<MatrixColumn>(shown.Count);
        for (var i = 0; i < shown.Count; i++)
        {
            var counts = new int[StatusCount];
            foreach (var row in rows)
            {
                if (row.Cells[i] is { } c)
                    counts[(int)c.Status]++;
            }
            columns.Add(new MatrixColumn(shown[i].Topic, shown[i].Title, counts));
        }
        return new MatrixView(columns, rows);
    }

    /// <summary>A module's cell from the latest completion and the organisation's refresh interval for it.</summary>
    public static ComplianceCell ModuleCell(DateTime? latestCompletionUtc, int? refreshMonths, DateTime nowUtc) =>
        ComplianceRules.Cell(latestCompletionUtc, latestCompletionUtc is { } done ? TrainingExpiry.ExpiresAtUtc(done, refreshMonths) : null, nowUtc);

    /// <summary>
    /// A module's cell when the person also holds recognised credentials for it (each one that still
    /// counts: started, not ended, not revoked). A recognised credential runs out at the earlier of
    /// its own end and the organisation's refresh interval from when it was achieved, so training
    /// from elsewhere is held to the same rule as training done here. The better of the person's own
    /// completion and each recognition stands: held beats not held, then the later end; on the same
    /// day the recognition shows, so the matrix says where the training was proved.
    /// </summary>
    public static ComplianceCell ModuleCell(DateTime? latestCompletionUtc, int? refreshMonths, DateTime nowUtc,
        IEnumerable<(string Issuer, DateTime ValidFromUtc, DateTime? ValidUntilUtc)> recognised)
    {
        ArgumentNullException.ThrowIfNull(recognised);
        var best = ModuleCell(latestCompletionUtc, refreshMonths, nowUtc);
        var bestEnd = latestCompletionUtc is { } done ? TrainingExpiry.ExpiresAtUtc(done, refreshMonths) : null;
        foreach (var (issuer, from, until) in recognised)
        {
            var end = TrainingExpiry.RecognisedUntilUtc(from, until, refreshMonths);
            var cell = ComplianceRules.Cell(from, end, nowUtc) with { RecognisedFrom = issuer };
            if (Better(cell, end, best, bestEnd))
                (best, bestEnd) = (cell, end);
        }
        return best;
    }

    private static bool Better(ComplianceCell cell, DateTime? end, ComplianceCell than, DateTime? thanEnd) =>
        cell.Held != than.Held ? cell.Held
        : !cell.Held ? than.Status == ComplianceStatus.Missing && cell.Status != ComplianceStatus.Missing
        : thanEnd is null ? end is null : end is null || DateOnly.FromDateTime(end.Value) >= DateOnly.FromDateTime(thanEnd.Value);
}
