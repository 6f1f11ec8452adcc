namespace Portal.Domain.Programmes;

/// <summary>A change a programme, cohort or outcome refuses, with a message a navigator can act on.</summary>
public sealed class ProgrammeRuleException(string message) : Exception(message)
{
    public ProgrammeRuleException()
        : this("That change is not allowed.")
    {
    }

    public ProgrammeRuleException(string message, Exception innerException)
        : this(message) => _ = innerException;
}
