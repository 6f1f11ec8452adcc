namespace Portal.Domain.Passport;

/// <summary>One line of the equivalence table: achievements that count as one of our modules.</summary>
/// <param name="AchievementIds">Exact achievement ids from other issuers.</param>
/// <param name="Standards">Care Certificate standards: an achievement aligned to every one of them counts.</param>
public sealed record Equivalence(string ModuleSlug, IReadOnlyList<string> AchievementIds, IReadOnlyList<int> Standards);

/// <summary>
/// Which of our modules another issuer's achievement counts as. An exact achievement id wins over an
/// alignment; among alignments, the entry naming the most standards (the most specific) wins, then
/// the first in the file. Our own achievements are not looked up here: they count as themselves.
/// </summary>
public sealed class Equivalences(IReadOnlyList<Equivalence> entries)
{
    public static Equivalences None { get; } = new([]);

    public IReadOnlyList<Equivalence> Entries { get; } = entries ?? throw new ArgumentNullException(nameof(entries));

    /// <param name="alignedStandards">The Care Certificate standards the achievement aligns to.</param>
    public string? ModuleFor(string achievementId, IReadOnlyCollection<int> alignedStandards)
    {
        ArgumentNullException.ThrowIfNull(alignedStandards);
        if (Entries.FirstOrDefault(e => e.AchievementIds.Contains(achievementId, StringComparer.Ordinal)) is { } exact)
            return exact.ModuleSlug;
        return Entries.Where(e => e.Standards.Count > 0 && e.Standards.All(alignedStandards.Contains))
            .OrderByDescending(e => e.Standards.Count).FirstOrDefault()?.ModuleSlug;
    }
}
