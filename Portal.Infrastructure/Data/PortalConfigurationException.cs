namespace Portal.Infrastructure.Data;

/// <summary>A setting is wrong or missing. Its message is the one line an operator needs.</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);
