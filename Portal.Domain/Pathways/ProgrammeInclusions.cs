namespace Portal.Domain.Pathways;

/// <summary>
/// Which programmes someone completes as part of another: the Lead Adult Care Worker apprenticeship
/// includes the level 3 diploma, so a person who holds the apprenticeship, or will by a step, holds
/// the diploma too and no page should list it as missing. Inclusion is followed through any depth;
/// slugs are compared ordinally.
/// </summary>
public sealed class ProgrammeInclusions
{
    private readonly Dictionary<string, string[]> _includes;

    public ProgrammeInclusions(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> includes)
    {
        ArgumentNullException.ThrowIfNull(includes);
        _includes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (programme, included) in includes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(programme, nameof(includes));
            ArgumentNullException.ThrowIfNull(included, nameof(includes));
            _includes[programme] = [.. included];
        }
    }

    /// <summary>No programme includes another.</summary>
    public static ProgrammeInclusions None { get; } = new([]);

    /// <summary>The programme itself and every programme it includes, directly or through another; safe on a circle.</summary>
    public IReadOnlySet<string> Expand(string programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var found = new HashSet<string>(StringComparer.Ordinal) { programme };
        var queue = new Queue<string>([programme]);
        while (queue.TryDequeue(out var next))
        {
            if (!_includes.TryGetValue(next, out var included))
                continue;
            foreach (var inner in included)
            {
                if (found.Add(inner))
                    queue.Enqueue(inner);
            }
        }
        return found;
    }
}
