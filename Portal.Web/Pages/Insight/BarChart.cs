using Portal.Domain.Insight;

namespace Portal.Web.Pages.Insight;

/// <summary>
/// A bar chart drawn on the server as SVG: no script, readable on a phone (it scales to the
/// width) and in print (outlines and patterns, not colour alone). The table beside it carries the
/// same numbers for screen readers, so the SVG is one labelled image.
/// </summary>
/// <param name="Comparison">The same series for the comparison period, drawn as outlined bars behind; null for none.</param>
public sealed record BarChart(string Id, string Title, string Summary, IReadOnlyList<string> Labels, IReadOnlyList<ShownCount> Values, IReadOnlyList<ShownCount>? Comparison, string ValueName, string? ComparisonName)
{
    public const int Width = 640;
    public const int Height = 260;
    public const int Left = 48;
    public const int Bottom = 40;
    public const int Top = 12;

    /// <summary>A round top for the scale: 1, 2 or 5 times a power of ten, so the gridlines read easily.</summary>
    public int Scale
    {
        get
        {
            var highest = Values.Concat(Comparison ?? []).Select(v => v.Value ?? SmallNumbers.Threshold).DefaultIfEmpty(0).Max();
            var step = 1;
            while (step * 5 < highest)
                step *= 10;
            return highest <= step ? step : highest <= step * 2 ? step * 2 : highest <= step * 5 ? step * 5 : step * 10;
        }
    }

    public double Slot => (Width - Left - 8) / (double)Math.Max(1, Values.Count);

    public double HeightOf(int value) => (Height - Top - Bottom) * value / (double)Math.Max(1, Scale);

    /// <summary>Every label on a year or less; fewer on longer ranges, so they never overlap on a phone.</summary>
    public bool ShowsLabel(int index) => Values.Count <= 12 || index % (int)Math.Ceiling(Values.Count / 12.0) == 0;
}
