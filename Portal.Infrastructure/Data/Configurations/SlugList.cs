using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Infrastructure.Data.Configurations;

/// <summary>
/// A list of content slugs as one column. Slugs never contain a comma, so a comma-separated column
/// is exact and portable across the three providers.
/// </summary>
internal static class SlugList
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> Converter = new(
        list => string.Join(',', list),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, slug) => HashCode.Combine(hash, slug.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());
}
