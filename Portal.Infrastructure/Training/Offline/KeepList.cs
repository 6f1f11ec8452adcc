using Portal.Domain.Compliance;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Training.Offline;

/// <summary>
/// The modules a learner's phone keeps by itself when they ask it to: first what their employers
/// require and they have not got in date (not started, run out or running out, most urgent first),
/// then anything they are part way through. A care worker with a required module she has not begun
/// is exactly the person who needs it on the bus.
/// </summary>
public sealed class KeepList(ComplianceService compliance)
{
    public async Task<IReadOnlyList<string>> DueAsync(string userId, ContentSet content, CancellationToken cancellationToken = default)
    {
        var mine = await compliance.MineAsync(userId, content, cancellationToken);
        var required = mine.Required.Employers
            .SelectMany(e => e.Cells)
            .Where(c => c.Topic.Kind == TopicKind.Module && c.Cell.Status != ComplianceStatus.Valid && content.Modules.ContainsKey(c.Topic.Slug))
            .OrderByDescending(c => c.Cell.Status)
            .Select(c => c.Topic.Slug);
        var started = mine.Record
            .Where(e => e.Module is not null && e.Status is TrainingStatus.InProgress or TrainingStatus.ExpiringSoon or TrainingStatus.Expired)
            .Select(e => e.ModuleSlug);
        return [.. required.Concat(started).Distinct(StringComparer.Ordinal)];
    }
}
