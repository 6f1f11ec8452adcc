namespace Portal.Domain.Navigation;

public enum ContactMethod
{
    Phone,
    InPerson,
    Message,
}

/// <summary>
/// A navigator's short note of a contact with the person. Seen by the hub's navigators and by the
/// person themselves, so it is written to be read by them; never by an employer.
/// </summary>
public sealed class ContactNote
{
    public const int MaxTextLength = 1000;

    private ContactNote()
    {
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateOnly On { get; private set; }
    public ContactMethod How { get; private set; }
    public string Text { get; private set; } = "";
    public string WrittenBy { get; private set; } = "";
    public DateTime WrittenAtUtc { get; private set; }

    /// <param name="today">The city's date now: a note is of a contact that has happened.</param>
    public static ContactNote Write(Guid caseId, DateOnly on, ContactMethod how, string text, string writtenBy, DateOnly today, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(writtenBy);
        if (Problem(on, text, today) is { } problem)
            throw new ArgumentException(problem.Message, problem.Field);
        return new ContactNote { CaseId = caseId, On = on, How = how, Text = text.Trim(), WrittenBy = writtenBy, WrittenAtUtc = utcNow };
    }

    public static (string Field, string Message)? Problem(DateOnly on, string? text, DateOnly today) =>
        string.IsNullOrWhiteSpace(text) ? ("Text", "Write what was said or agreed")
        : text.Trim().Length > MaxTextLength ? ("Text", $"Keep the note to {MaxTextLength} characters")
        : on > today ? ("On", "A note is of a contact that has happened: the date cannot be in the future")
        : on < today.AddYears(-1) ? ("On", "Enter a date within the last year")
        : null;

    public static string Name(ContactMethod how) => how switch
    {
        ContactMethod.Phone => "Phone",
        ContactMethod.InPerson => "In person",
        _ => "Message",
    };
}
