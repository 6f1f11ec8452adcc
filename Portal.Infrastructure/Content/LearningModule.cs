using Portal.Domain.Training;

namespace Portal.Infrastructure.Content;

/// <summary>A short training unit from content/learn/: lessons of one screen each, then a quiz.</summary>
/// <param name="RefreshMonths">The default interval before it should be done again; null when once is enough.</param>
/// <param name="CareCertificateStandards">The Care Certificate standards (1-16) it covers, in order.</param>
public sealed record LearningModule(
    string Slug,
    string Title,
    string Summary,
    int Minutes,
    IReadOnlyList<string> Topics,
    IReadOnlyList<int> CareCertificateStandards,
    int? RefreshMonths,
    IReadOnlyList<Lesson> Lessons,
    Quiz Quiz,
    string Version,
    string SourceFile);

/// <param name="Html">The lesson's text, rendered and sanitised once at load.</param>
public sealed record Lesson(int Number, string Title, string Html);

public static class LearnVocabulary
{
    public static IReadOnlyList<string> Topics { get; } =
    [
        "role-and-values", "rights-and-dignity", "communication", "person-centred-care", "safeguarding",
        "health-and-safety", "infection-control", "nutrition-and-hydration", "emergencies", "information",
        "conditions-awareness", "clinical-skills", "independence", "assessment",
    ];

    /// <summary>The Care Certificate's 16 standards since 2025, by number.</summary>
    public static IReadOnlyDictionary<int, string> CareCertificateStandards { get; } = new Dictionary<int, string>
    {
        [1] = "Understand your role",
        [2] = "Your personal development",
        [3] = "Duty of care",
        [4] = "Equality, diversity, inclusion and human rights",
        [5] = "Work in a person-centred way",
        [6] = "Communication",
        [7] = "Privacy and dignity",
        [8] = "Fluids and nutrition",
        [9] = "Awareness of mental health and dementia",
        [10] = "Safeguarding adults",
        [11] = "Safeguarding children",
        [12] = "Basic life support",
        [13] = "Health and safety",
        [14] = "Handling information",
        [15] = "Infection prevention and control",
        [16] = "Awareness of learning disability and autism",
    };

    public static string TopicName(string topic) =>
        topic.Length == 0 ? topic : char.ToUpperInvariant(topic[0]) + topic[1..].Replace('-', ' ');
}
