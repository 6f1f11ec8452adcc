namespace Portal.Domain.Talent;

public enum AlertFrequency
{
    Daily,
    Weekly,
}
