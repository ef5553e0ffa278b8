using System;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>A problem in a test file, with the line it is on.</summary>
internal sealed class TestFileException : Exception
{
    public TestFileException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    public TestFileException()
    {
    }

    public TestFileException(string message)
        : base(message)
    {
    }

    public TestFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }
}
