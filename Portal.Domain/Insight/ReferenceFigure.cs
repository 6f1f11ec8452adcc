using Portal.Domain.Equality;

namespace Portal.Domain.Insight;

/// <summary>
/// A published figure for the city that the workforce and the pipeline are set beside: the share
/// of the city's people in one category of one monitoring question (say 2.6% Black African, from
/// the 2021 census), with where it comes from and its year. Entered by an analyst; one per
/// question, category and year, so entering it again corrects it.
/// </summary>
public sealed class ReferenceFigure
{
    public const int MaxSourceLength = 300;

    private ReferenceFigure()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The monitoring question's key (<see cref="EqualityQuestion.Key"/>).</summary>
    public string Characteristic { get; private set; } = "";

    /// <summary>The answer's code within the question.</summary>
    public string Category { get; private set; } = "";

    /// <summary>Per cent of the city, 0 to 100.</summary>
    public decimal Share { get; private set; }

    public string Source { get; private set; } = "";

    public int Year { get; private set; }

    public string EnteredBy { get; private set; } = "";

    public DateTime EnteredAtUtc { get; private set; }

    /// <summary>What is wrong with a figure as typed, by field, in words an analyst can act on; empty when nothing is.</summary>
    /// <param name="thisYear">The current year: a figure cannot be from the future.</param>
    public static IReadOnlyList<(string Field, string Message)> Problems(string? characteristic, string? category, decimal? share, string? source, int? year, int thisYear)
    {
        var problems = new List<(string, string)>();
        var question = EqualityQuestions.All.FirstOrDefault(q => q.Key == characteristic);
        if (question is null || question.Options.All(o => o.Code != category) || category == EqualityQuestions.PreferNotToSay)
            problems.Add((nameof(Category), "Choose the group the figure is for from the list"));
        if (share is not { } value || value < 0 || value > 100)
            problems.Add((nameof(Share), "Enter the share as a per cent from 0 to 100, like 2.6"));
        if (string.IsNullOrWhiteSpace(source))
            problems.Add((nameof(Source), "Say where the figure comes from, like \"ONS Census 2021, Leeds\""));
        else if (source.Trim().Length > MaxSourceLength)
            problems.Add((nameof(Source), $"The source is at most {MaxSourceLength} characters"));
        if (year is not { } y || y < 1990 || y > thisYear)
            problems.Add((nameof(Year), $"Enter the year the figure is for, from 1990 to {thisYear}"));
        return problems;
    }

    /// <exception cref="ArgumentException">Any of <see cref="Problems"/>.</exception>
    public static ReferenceFigure Create(string characteristic, string category, decimal share, string source, int year, int thisYear, string enteredBy, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(enteredBy);
        if (Problems(characteristic, category, share, source, year, thisYear) is [var first, ..])
            throw new ArgumentException(first.Message, first.Field);
        return new ReferenceFigure
        {
            Id = Guid.NewGuid(), Characteristic = characteristic, Category = category, Share = share, Source = source.Trim(), Year = year,
            EnteredBy = enteredBy, EnteredAtUtc = utcNow,
        };
    }

    /// <summary>Corrects the share and source of the same group and year.</summary>
    public void Correct(decimal share, string source, int thisYear, string enteredBy, DateTime utcNow)
    {
        if (Problems(Characteristic, Category, share, source, Year, thisYear) is [var first, ..])
            throw new ArgumentException(first.Message, first.Field);
        Share = share;
        Source = source.Trim();
        EnteredBy = enteredBy;
        EnteredAtUtc = utcNow;
    }
}
