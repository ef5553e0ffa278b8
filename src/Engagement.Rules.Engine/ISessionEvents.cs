namespace Engagement.Rules.Engine;

/// <summary>Diagnostic events of a session. The engine helper completes this interface.</summary>
public interface ISessionEvents
{
}
