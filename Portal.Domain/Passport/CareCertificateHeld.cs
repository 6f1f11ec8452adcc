namespace Portal.Domain.Passport;

/// <summary>
/// When the Care Certificate as a whole is held: every one of its standards covered by at least one
/// module the person has passed. The one place this is decided, for the passport and anyone else.
/// </summary>
public static class CareCertificateHeld
{
    /// <param name="standards">Every standard number of the Care Certificate.</param>
    /// <param name="passedStandards">For each module pass: when it was passed and the standards its module covers.</param>
    /// <returns>When the last missing standard was first covered, or null while any standard is missing.</returns>
    public static DateTime? Since(IEnumerable<int> standards, IEnumerable<(DateTime PassedAtUtc, IReadOnlyCollection<int> Standards)> passedStandards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(passedStandards);
        var firstCovered = new Dictionary<int, DateTime>();
        foreach (var (at, covers) in passedStandards)
        {
            foreach (var standard in covers)
            {
                if (!firstCovered.TryGetValue(standard, out var earlier) || at < earlier)
                    firstCovered[standard] = at;
            }
        }
        DateTime? since = null;
        foreach (var standard in standards)
        {
            if (!firstCovered.TryGetValue(standard, out var at))
                return null;
            since = since is null || at > since ? at : since;
        }
        return since;
    }
}
