// FluxOracle prelude: compiled by mono's `mcs` together with a Flux# program so
// that the program runs as real C# under the execution model of
// docs ../../shared/LANGUAGE.md §7 (see tests/oracle/README.md).
//
// What the harness does to the program source (and nothing else):
//   * prepends `using static FluxOracle.Prelude;` (FluxSharp's `print(x)`);
//   * rewrites `Task.Delay(` to `FluxOracle.VirtualTime.Delay(`;
//   * compiles with `-main:FluxOracle.Entry`, so this file brings the entry point.
//
// The machinery:
//   * EventLoop: one thread, a FIFO ready queue, timers in virtual milliseconds.
//   * FluxContext: a SynchronizationContext whose Post appends to the ready
//     queue. `await` captures SynchronizationContext.Current, and Task.Yield()
//     posts to it at once.
//   * The schedule (FLUX_ORACLE_SCHEDULE, set by the harness):
//     - `csharp` (the default): ONE FluxContext for the whole run, so the
//       program behaves as C# on one thread really does. When an async method
//       completes on the loop thread, the BCL runs each await continuation
//       inline, since SynchronizationContext.Current is the context it
//       captured (SynchronizationContextAwaitTaskContinuation.Run). Timers are
//       completed with no context current, as a timer thread would complete
//       them, so their continuations are posted to the queue.
//     - `queued` (flux-viz's `--schedule queued`): a fresh FluxContext before
//       every queue item and timer firing; a task awaited in one item can only
//       complete in a later item, under another context object, so every
//       continuation goes through Post, never inline.
//   * Task.Delay as C# defines it: 0 is complete at once, -1 never completes,
//     below -1 throws ArgumentOutOfRangeException (the real BCL message).
//   * A watchdog thread turns a blocking wait of the loop thread (t.Result or
//     t.Wait() on an incomplete task; nothing else blocks here) into the
//     deadlock failure, exit 9.
//   * Unhandled exceptions (thrown out of Main, a queue item, or faulting Main's
//     task) print `Unhandled exception. System.XxxException: message` on stderr
//     and exit with the code of LANGUAGE.md §5.

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FluxOracle
{
    /// FluxSharp's `print(x)`, as `Console.WriteLine(x)` with the same overloads.
    public static class Prelude
    {
        public static void print(int x) { Console.WriteLine(x); }
        public static void print(long x) { Console.WriteLine(x); }
        public static void print(bool x) { Console.WriteLine(x); }
        public static void print(char x) { Console.WriteLine(x); }
        public static void print(string x) { Console.WriteLine(x); }
        public static void print(char[] x) { Console.WriteLine(x); }
        public static void print(object x) { Console.WriteLine(x); }
    }

    /// The replacement of `Task.Delay(`: a timer in virtual time.
    public static class VirtualTime
    {
        public static Task Delay(int ms) { return EventLoop.Instance.Delay(ms); }

        /// Current virtual time in milliseconds (for self-tests).
        public static long Now { get { return EventLoop.Instance.Now; } }
    }

    sealed class FluxContext : SynchronizationContext
    {
        readonly EventLoop loop;
        public FluxContext(EventLoop loop) { this.loop = loop; }
        public override void Post(SendOrPostCallback d, object state) { loop.Enqueue(d, state); }
        public override void Send(SendOrPostCallback d, object state) { d(state); }
        public override SynchronizationContext CreateCopy() { return this; }
    }

    sealed class Timer
    {
        public long Deadline;
        public long Seq;
        public TaskCompletionSource<bool> Tcs;
    }

    sealed class TimerOrder : IComparer<Timer>
    {
        public int Compare(Timer a, Timer b)
        {
            if (a.Deadline != b.Deadline) return a.Deadline < b.Deadline ? -1 : 1;
            return a.Seq.CompareTo(b.Seq);
        }
    }

    sealed class EventLoop
    {
        public static readonly EventLoop Instance = new EventLoop();

        struct Item
        {
            public SendOrPostCallback D;
            public object State;
        }

        readonly Queue<Item> ready = new Queue<Item>();
        readonly SortedSet<Timer> timers = new SortedSet<Timer>(new TimerOrder());
        long seq;
        public long Now;

        public void Enqueue(SendOrPostCallback d, object state)
        {
            ready.Enqueue(new Item { D = d, State = state });
        }

        static readonly bool queued = Environment.GetEnvironmentVariable("FLUX_ORACLE_SCHEDULE") == "queued";
        static readonly FluxContext theContext = new FluxContext(Instance);

        public Task Delay(int ms)
        {
            // C#'s own checks and messages (Task.Delay(int)).
            if (ms < -1) throw new ArgumentOutOfRangeException("millisecondsDelay", "The value needs to be either -1 (signifying an infinite timeout), 0 or a positive integer.");
            if (ms == 0) return Task.CompletedTask;
            if (ms == -1) return new TaskCompletionSource<bool>().Task;
            var t = new Timer { Deadline = Now + ms, Seq = seq++, Tcs = new TaskCompletionSource<bool>() };
            timers.Add(t);
            return t.Tcs.Task;
        }

        /// The context code runs under: the one context (C#), or a fresh one
        /// per queue item (queued).
        static void FreshContext()
        {
            SynchronizationContext.SetSynchronizationContext(queued ? new FluxContext(Instance) : theContext);
        }

        /// Completes a timer as a timer thread would: with no context current,
        /// so its awaiters are posted to the loop (in the queued schedule a
        /// fresh context has the same effect).
        static void Fire(Timer t)
        {
            SynchronizationContext.SetSynchronizationContext(null);
            t.Tcs.SetResult(true);
            FreshContext();
        }

        /// Runs `main` (void Main / main()) or `mainTask` (async Task Main) under §7.
        public void Run(Func<Task> start)
        {
            FreshContext();
            Task mainTask = start();
            if (mainTask.IsFaulted) return;
            while (true)
            {
                while (ready.Count > 0)
                {
                    Item it = ready.Dequeue();
                    FreshContext();
                    it.D(it.State);
                    if (mainTask.IsFaulted) return;
                }
                if (mainTask.IsCompleted) return;
                if (timers.Count == 0) Entry.Deadlock();
                Now = timers.Min.Deadline;
                while (timers.Count > 0 && timers.Min.Deadline == Now)
                {
                    Timer t = timers.Min;
                    timers.Remove(t);
                    Fire(t);
                    if (mainTask.IsFaulted) return;
                }
            }
        }
    }

    public static class Entry
    {
        static TextWriter stdout;
        static Thread loopThread;

        [DllImport("libc", EntryPoint = "_exit")]
        static extern void SysExit(int code);

        public static int Main(string[] args)
        {
            programArgs = args;
            stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
            Console.SetOut(stdout);
            Console.SetError(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true });
            loopThread = Thread.CurrentThread;
            // Mono lets a caught StackOverflowException be caught once, but
            // rethrowing it (as `await` does for a task faulted by it) is fatal
            // and bypasses every catch; the UnhandledException event still runs.
            AppDomain.CurrentDomain.UnhandledException += (s, e) => Fail(e.ExceptionObject as Exception);
            StartWatchdog();
            try
            {
                Func<Task> start = FindEntry();
                EventLoop.Instance.Run(start);
                Task done = lastMainTask;
                if (done != null && done.IsFaulted) Fail(done.Exception);
            }
            catch (Exception e)
            {
                Fail(e);
            }
            stdout.Flush();
            return 0;
        }

        static Task lastMainTask;
        static string[] programArgs = new string[0];

        /// Finds `static void Main()` / `static async Task Main()`, each also
        /// with `string[] args` (any class, any access), or else FluxSharp's
        /// `class Main { void main() }`.
        static Func<Task> FindEntry()
        {
            var found = new List<MethodInfo>();
            Type mainClass = null;
            foreach (Type t in Assembly.GetExecutingAssembly().GetTypes())
            {
                if (t.Namespace == "FluxOracle") continue;
                if (t.Name == "Main" && !t.IsNested) mainClass = t;
                foreach (MethodInfo m in t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (m.Name != "Main" || !IsMainShape(m.GetParameters())) continue;
                    if (m.ReturnType == typeof(void) || m.ReturnType == typeof(Task)) found.Add(m);
                }
            }
            if (found.Count > 1) throw new InvalidProgramException("more than one Main");
            if (found.Count == 1)
            {
                MethodInfo m = found[0];
                bool takesArgs = m.GetParameters().Length == 1;
                if (m.ReturnType == typeof(Task))
                {
                    if (takesArgs)
                    {
                        var g = (Func<string[], Task>)Delegate.CreateDelegate(typeof(Func<string[], Task>), m);
                        return () => lastMainTask = g(programArgs);
                    }
                    var f = (Func<Task>)Delegate.CreateDelegate(typeof(Func<Task>), m);
                    return () => lastMainTask = f();
                }
                if (takesArgs)
                {
                    var b = (Action<string[]>)Delegate.CreateDelegate(typeof(Action<string[]>), m);
                    return () => { b(programArgs); return lastMainTask = Task.CompletedTask; };
                }
                var a = (Action)Delegate.CreateDelegate(typeof(Action), m);
                return () => { a(); return lastMainTask = Task.CompletedTask; };
            }
            if (mainClass != null)
            {
                MethodInfo m = mainClass.GetMethod("main", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, Type.EmptyTypes, null);
                if (m != null && m.ReturnType == typeof(void))
                {
                    object o = Activator.CreateInstance(mainClass, true);
                    var a = (Action)Delegate.CreateDelegate(typeof(Action), o, m);
                    return () => { a(); return lastMainTask = Task.CompletedTask; };
                }
            }
            throw new InvalidProgramException("no entry point: static Main() or class Main { void main() }");
        }

        static bool IsMainShape(ParameterInfo[] ps)
        {
            return ps.Length == 0 || (ps.Length == 1 && ps[0].ParameterType == typeof(string[]));
        }

        /// LANGUAGE.md §5 exit codes; anything else is 1.
        static int ExitCode(Exception e)
        {
            if (e is NullReferenceException) return 2;
            if (e is IndexOutOfRangeException) return 3;
            if (e is DivideByZeroException) return 4;
            if (e is OverflowException) return 5;
            if (e is OutOfMemoryException) return 6;
            if (e is StackOverflowException) return 7;
            if (e is InvalidCastException) return 8;
            return 1;
        }

        static Exception Unwrap(Exception e)
        {
            while (true)
            {
                var agg = e as AggregateException;
                if (agg != null && agg.InnerExceptions.Count >= 1) { e = agg.InnerExceptions[0]; continue; }
                if ((e is TargetInvocationException || e is TypeInitializationException) && e.InnerException != null)
                {
                    e = e.InnerException;
                    continue;
                }
                return e;
            }
        }

        static void Fail(Exception e)
        {
            if (e == null) e = new Exception("unknown failure");
            e = Unwrap(e);
            try { stdout.Flush(); } catch (Exception) { }
            Console.Error.WriteLine("Unhandled exception. " + e.GetType().FullName + ": " + e.Message);
            if (Environment.GetEnvironmentVariable("FLUX_ORACLE_TRACE") != null) Console.Error.WriteLine(e);
            Console.Error.Flush();
            SysExit(ExitCode(e));
        }

        /// Nothing ready, no timer, Main not complete.
        internal static void Deadlock()
        {
            try { stdout.Flush(); } catch (Exception) { }
            Console.Error.WriteLine("Unhandled exception. deadlock: Main never completed");
            Console.Error.Flush();
            SysExit(9);
        }

        /// The loop thread never blocks on its own (virtual time, no I/O waits),
        /// so a blocking wait seen on it twice in a row is `t.Result` / `t.Wait()`
        /// on a task that only this thread could complete: the deadlock failure.
        static void StartWatchdog()
        {
            var w = new Thread(() =>
            {
                int seen = 0;
                while (true)
                {
                    Thread.Sleep(25);
                    if ((loopThread.ThreadState & ThreadState.WaitSleepJoin) != 0) seen++;
                    else seen = 0;
                    if (seen >= 4) Deadlock();
                }
            });
            w.IsBackground = true;
            w.Start();
        }
    }
}
