namespace Portal.Domain.Equality;

/// <summary>
/// A person's voluntary equality monitoring answers: special category data, kept in a table of its
/// own with no link from the profile or the account, so nothing that loads a person for an employer
/// or a navigator can reach it. Each answer is a code of its question, or null when left blank.
/// </summary>
public sealed class EqualityAnswers
{
    private EqualityAnswers()
    {
    }

    public string UserId { get; private set; } = "";
    public string? Ethnicity { get; private set; }
    public string? Sex { get; private set; }
    public string? GenderIdentity { get; private set; }
    public string? AgeBand { get; private set; }
    public string? Disability { get; private set; }
    public string? Religion { get; private set; }
    public string? SexualOrientation { get; private set; }
    public string? CaringResponsibilities { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static EqualityAnswers For(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return new EqualityAnswers { UserId = userId };
    }

    /// <summary>The answers by question key, in the questions' order.</summary>
    public IReadOnlyList<(EqualityQuestion Question, string? Code)> ByQuestion() =>
    [
        (EqualityQuestions.Ethnicity, Ethnicity), (EqualityQuestions.Sex, Sex), (EqualityQuestions.GenderIdentity, GenderIdentity),
        (EqualityQuestions.AgeBand, AgeBand), (EqualityQuestions.Disability, Disability), (EqualityQuestions.Religion, Religion),
        (EqualityQuestions.SexualOrientation, SexualOrientation), (EqualityQuestions.CaringResponsibilities, CaringResponsibilities),
    ];

    /// <summary>Replaces every answer; refuses a code its question does not offer, changing nothing.</summary>
    /// <param name="answers">By question key; a missing or empty value leaves that question blank.</param>
    public void Change(IReadOnlyDictionary<string, string?> answers, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(answers);
        string? Pick(EqualityQuestion question)
        {
            var code = answers.TryGetValue(question.Key, out var given) && !string.IsNullOrWhiteSpace(given) ? given.Trim() : null;
            if (code is not null && question.Options.All(o => o.Code != code))
                throw new ArgumentException($"'{code}' is not an answer to \"{question.Text}\"", question.Key);
            return code;
        }

        var picked = EqualityQuestions.All.ToDictionary(q => q.Key, Pick);
        Ethnicity = picked[EqualityQuestions.Ethnicity.Key];
        Sex = picked[EqualityQuestions.Sex.Key];
        GenderIdentity = picked[EqualityQuestions.GenderIdentity.Key];
        AgeBand = picked[EqualityQuestions.AgeBand.Key];
        Disability = picked[EqualityQuestions.Disability.Key];
        Religion = picked[EqualityQuestions.Religion.Key];
        SexualOrientation = picked[EqualityQuestions.SexualOrientation.Key];
        CaringResponsibilities = picked[EqualityQuestions.CaringResponsibilities.Key];
        UpdatedAtUtc = utcNow;
    }
}
