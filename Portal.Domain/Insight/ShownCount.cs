using System.Globalization;

namespace Portal.Domain.Insight;

/// <summary>A count of people as it may be published: rounded, or held back as "fewer than 5".</summary>
/// <param name="Value">Null when held back.</param>
public readonly record struct ShownCount(int? Value)
{
    public const string HeldBack = "fewer than 5";

    public bool IsHeldBack => Value is null;

    public override string ToString() => Value is { } value ? value.ToString("N0", CultureInfo.GetCultureInfo("en-GB")) : HeldBack;
}
