using Portal.Domain.Compliance;

namespace Portal.Infrastructure.Compliance;

/// <summary>The names of those who recorded a competency log's rows (signed off or withdrew), by user id.</summary>
public sealed class Recorders(IReadOnlyDictionary<string, string> names)
{
    public static Recorders None { get; } = new(new Dictionary<string, string>());

    public string Of(CompetencyRecord record) =>
        names.TryGetValue(record?.RecordedBy ?? "", out var name) ? name : "someone no longer on the portal";
}
