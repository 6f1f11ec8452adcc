namespace Portal.Domain.Programmes;

/// <summary>Where a person's postcode places them against the council's priority neighbourhoods.</summary>
public enum NeighbourhoodStanding
{
    /// <summary>No postcode, or only the district ("LS9"), which can straddle priority and other streets.</summary>
    NotKnown,
    Priority,
    NotPriority,
}

/// <summary>
/// The council's priority neighbourhoods, as postcode sectors ("LS9 7": the district and the first
/// digit of the second half). A sector is the smallest unit the council can name without listing
/// streets, and it is what a person's full postcode gives away; a bare district does not place anyone,
/// so it answers "not known" rather than "out", and nobody is passed over for a postcode they did not give.
/// </summary>
public sealed class PriorityNeighbourhoods
{
    private readonly HashSet<string> _sectors;

    public PriorityNeighbourhoods(IEnumerable<string> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        _sectors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sector in sectors)
            _sectors.Add(SectorOf(sector) ?? throw new ArgumentException($"'{sector}' is not a postcode sector like LS9 7.", nameof(sectors)));
    }

    /// <summary>The configured sectors, normalised ("LS9 7").</summary>
    public IReadOnlyCollection<string> Sectors => _sectors;

    public NeighbourhoodStanding Place(string? postcode) =>
        SectorOf(postcode) is { } sector
            ? _sectors.Contains(sector) ? NeighbourhoodStanding.Priority : NeighbourhoodStanding.NotPriority
            : NeighbourhoodStanding.NotKnown;

    /// <summary>
    /// "LS9 7" for "ls9 7tf", "LS97TF", "LS9 7" or "LS9 7T"; null for a district alone, an empty value
    /// or anything that is not a UK postcode's shape. Written out without a space, a postcode needs
    /// its full second half, since "LS97" could as well be a district.
    /// </summary>
    public static string? SectorOf(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
            return null;
        var parts = postcode.Trim().ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string outward, inward;
        if (parts.Length == 2)
            (outward, inward) = (parts[0], parts[1]);
        else if (parts.Length == 1 && parts[0].Length is >= 5 and <= 7)
            (outward, inward) = (parts[0][..^3], parts[0][^3..]);
        else
            return null;
        if (!IsDistrict(outward) || inward.Length is < 1 or > 3 || !char.IsAsciiDigit(inward[0]) || !inward[1..].All(char.IsAsciiLetterUpper))
            return null;
        if (parts.Length == 1 && inward.Length != 3)
            return null;
        return $"{outward} {inward[0]}";
    }

    private static bool IsDistrict(string outward)
    {
        // One or two letters, a digit, then an optional digit or letter: LS9, LS10, EC1A.
        var letters = outward.TakeWhile(char.IsAsciiLetterUpper).Count();
        if (letters is < 1 or > 2 || outward.Length - letters is < 1 or > 2 || !char.IsAsciiDigit(outward[letters]))
            return false;
        return outward.Length - letters == 1 || char.IsAsciiDigit(outward[^1]) || char.IsAsciiLetterUpper(outward[^1]);
    }
}
