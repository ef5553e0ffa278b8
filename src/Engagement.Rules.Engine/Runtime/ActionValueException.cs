using System;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// Thrown by an action whose value threw (<see cref="IActionContext.ValueFailed"/>), so that the session names the
/// value in its <see cref="RuleActionException"/>; never seen by the host.
/// </summary>
internal sealed class ActionValueException : Exception
{
    public ActionValueException(string name, string? text, Exception error)
        : base(error.Message, error)
    {
        Name = name;
        Text = text;
        Error = error;
    }

    public string Name { get; }

    public string? Text { get; }

    public Exception Error { get; }
}
