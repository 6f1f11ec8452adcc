using Portal.Domain.Names;

namespace Portal.Domain.Organisations;

/// <summary>An employer on the portal: a care provider, NHS trust, council or charity.</summary>
public sealed class Organisation
{
    public const int MaxNameLength = 200;
    public const int MaxCqcLocationIdLength = 20;

    private Organisation()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationType Type { get; private set; }

    /// <summary>Where it mainly gives care; null until an admin records it.</summary>
    public CareSetting? Setting { get; private set; }

    /// <summary>The Care Quality Commission location id (like 1-123456789), where it has one.</summary>
    public string? CqcLocationId { get; private set; }

    public string Postcode { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>
    /// Whether two names are the same organisation's, as a person would read them: case and runs of
    /// spaces do not matter ("Sunrise  care" is "Sunrise Care").
    /// </summary>
    public static bool SameName(string a, string b) => string.Equals(NameKey(a), NameKey(b), StringComparison.Ordinal);

    private static string NameKey(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static Organisation Create(string name, OrganisationType type, string? cqcLocationId, string postcode, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        if (name.Length > MaxNameLength)
            throw new ArgumentException("The name is too long.", nameof(name));
        ShownNames.Guard(name, nameof(name));
        return new Organisation
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Type = type,
            CqcLocationId = string.IsNullOrWhiteSpace(cqcLocationId) ? null : cqcLocationId.Trim(),
            Postcode = postcode,
            CreatedAtUtc = utcNow,
        };
    }

    /// <summary>Records (or, with null, clears) where the organisation mainly gives care.</summary>
    public void ChangeSetting(CareSetting? setting)
    {
        if (setting is { } value && !Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(nameof(setting), "Not a care setting.");
        Setting = setting;
    }
}
