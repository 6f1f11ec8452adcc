namespace Portal.Infrastructure.Content;

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
