namespace Portal.Domain.Equality;

/// <summary>One answer a question offers: a short stable code (stored) and the words people see.</summary>
public sealed record EqualityOption(string Code, string Label);

/// <summary>One equality monitoring question.</summary>
public sealed record EqualityQuestion(string Key, string Text, string? Hint, IReadOnlyList<EqualityOption> Options)
{
    public string? LabelOf(string? code) => code is null ? null : Options.FirstOrDefault(o => o.Code == code)?.Label;
}

/// <summary>
/// The voluntary equality questions, in the categories of the Office for National Statistics'
/// Census 2021 for England (ONS, "Census 2021 dictionary" and the Census 2021 questionnaire,
/// https://www.ons.gov.uk/census/census2021dictionary), so the hub's figures can be set beside the
/// city's census figures. Age is asked as a band, not a date of birth, because a band is all the
/// comparison needs. Every question can be answered "Prefer not to say" or left blank.
/// </summary>
public static class EqualityQuestions
{
    public const string PreferNotToSay = "prefer-not-to-say";
    public const int MaxCodeLength = 40;

    private static EqualityOption O(string code, string label) => new(code, label);

    private static List<EqualityOption> With(params EqualityOption[] options) => [.. options, O(PreferNotToSay, "Prefer not to say")];

    /// <summary>ONS 2021 ethnic group, England: the 19 tick-box categories under their five headings.</summary>
    public static EqualityQuestion Ethnicity { get; } = new("ethnicity", "What is your ethnic group?", null, With(
        O("asian-bangladeshi", "Asian or Asian British: Bangladeshi"),
        O("asian-chinese", "Asian or Asian British: Chinese"),
        O("asian-indian", "Asian or Asian British: Indian"),
        O("asian-pakistani", "Asian or Asian British: Pakistani"),
        O("asian-other", "Asian or Asian British: any other Asian background"),
        O("black-african", "Black, Black British, Caribbean or African: African"),
        O("black-caribbean", "Black, Black British, Caribbean or African: Caribbean"),
        O("black-other", "Black, Black British, Caribbean or African: any other Black, Black British or Caribbean background"),
        O("mixed-white-asian", "Mixed or multiple ethnic groups: White and Asian"),
        O("mixed-white-black-african", "Mixed or multiple ethnic groups: White and Black African"),
        O("mixed-white-black-caribbean", "Mixed or multiple ethnic groups: White and Black Caribbean"),
        O("mixed-other", "Mixed or multiple ethnic groups: any other Mixed or multiple ethnic background"),
        O("white-british", "White: English, Welsh, Scottish, Northern Irish or British"),
        O("white-irish", "White: Irish"),
        O("white-gypsy-traveller", "White: Gypsy or Irish Traveller"),
        O("white-roma", "White: Roma"),
        O("white-other", "White: any other White background"),
        O("other-arab", "Other ethnic group: Arab"),
        O("other-any", "Other ethnic group: any other ethnic group")));

    /// <summary>ONS 2021 sex question.</summary>
    public static EqualityQuestion Sex { get; } = new("sex", "What is your sex?", null, With(O("female", "Female"), O("male", "Male")));

    /// <summary>ONS 2021 gender identity question (asked of people aged 16 and over).</summary>
    public static EqualityQuestion GenderIdentity { get; } = new("gender-identity", "Is the gender you identify with the same as your sex registered at birth?", null,
        With(O("same", "Yes"), O("different", "No")));

    /// <summary>Age bands as the ONS publishes working-age figures.</summary>
    public static EqualityQuestion AgeBand { get; } = new("age-band", "How old are you?", null, With(
        O("16-24", "16 to 24"), O("25-34", "25 to 34"), O("35-49", "35 to 49"), O("50-64", "50 to 64"), O("65-plus", "65 or over")));

    /// <summary>ONS 2021 long-term health problem or disability question (the Equality Act definition).</summary>
    public static EqualityQuestion Disability { get; } = new("disability",
        "Are your day-to-day activities limited because of a health problem or disability which has lasted, or is expected to last, 12 months or more?",
        "Include problems related to old age.", With(O("yes-a-lot", "Yes, limited a lot"), O("yes-a-little", "Yes, limited a little"), O("no", "No")));

    /// <summary>ONS 2021 religion question.</summary>
    public static EqualityQuestion Religion { get; } = new("religion", "What is your religion?", null, With(
        O("none", "No religion"), O("christian", "Christian"), O("buddhist", "Buddhist"), O("hindu", "Hindu"), O("jewish", "Jewish"),
        O("muslim", "Muslim"), O("sikh", "Sikh"), O("other", "Any other religion")));

    /// <summary>ONS 2021 sexual orientation question (asked of people aged 16 and over).</summary>
    public static EqualityQuestion SexualOrientation { get; } = new("sexual-orientation", "Which of the following best describes your sexual orientation?", null, With(
        O("straight", "Straight or heterosexual"), O("gay-lesbian", "Gay or lesbian"), O("bisexual", "Bisexual"), O("other", "Other sexual orientation")));

    /// <summary>ONS 2021 unpaid care question, with its hour bands.</summary>
    public static EqualityQuestion CaringResponsibilities { get; } = new("caring",
        "Do you look after, or give any help or support to, anyone because they have long-term physical or mental health conditions or illnesses, or problems related to old age?",
        "Exclude anything you do as part of your paid employment.", With(
            O("no", "No"), O("up-to-9", "Yes, 9 hours a week or less"), O("10-19", "Yes, 10 to 19 hours a week"), O("20-34", "Yes, 20 to 34 hours a week"),
            O("35-49", "Yes, 35 to 49 hours a week"), O("50-plus", "Yes, 50 or more hours a week")));

    public static IReadOnlyList<EqualityQuestion> All { get; } = [Ethnicity, Sex, GenderIdentity, AgeBand, Disability, Religion, SexualOrientation, CaringResponsibilities];
}
