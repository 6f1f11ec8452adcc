using Portal.Domain.Training;

namespace Portal.Domain.Compliance;

/// <summary>A member of staff as the matrix lists them.</summary>
public sealed record MatrixPerson(long MembershipId, string UserId, string Name, string JobRole, string? Team);

/// <summary>What the manager narrowed the matrix to; null means "all".</summary>
public sealed record MatrixFilter(string? JobRole = null, string? Team = null, ComplianceStatus? Status = null);

/// <summary>A required topic as a column, with how many of the people shown are in each status.</summary>
public sealed record MatrixColumn(Topic Topic, string Title, IReadOnlyList<int> CountByStatus)
{
    public int Count(ComplianceStatus status) => CountByStatus[(int)status];

    /// <summary>People shown who are required to hold it.</summary>
    public int Required => CountByStatus.Sum();

    public int Held => Required - Count(ComplianceStatus.Expired) - Count(ComplianceStatus.Missing);
}

/// <summary>One person's row: a cell per column, null where their job does not require that topic.</summary>
public sealed record MatrixRow(MatrixPerson Person, IReadOnlyList<ComplianceCell?> Cells)
{
    public int Required => Cells.Count(c => c is not null);

    public int Held => Cells.Count(c => c is { Held: true });

    /// <summary>The worst status among the cells, or null when nothing is required of them.</summary>
    public ComplianceStatus? Worst => Cells.Where(c => c is not null).Select(c => (ComplianceStatus?)c!.Value.Status).Max();
}

/// <summary>The whole view: columns, rows, and compliance as the share of required cells held.</summary>
public sealed record MatrixView(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows)
{
    public int Required => Rows.Sum(r => r.Required);

    public int Held => Rows.Sum(r => r.Held);

    /// <summary>Held as a whole percentage (rounded down, so 99.6% never shows as 100%); null when nothing is required.</summary>
    public int? CompliancePercent => Required == 0 ? null : (int)Math.Floor(100.0 * Held / Required);
}

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
}
