// A server component that renders nothing of Tickki's: the widget still shows, from the root layout.
export default function About() {
  return (
    <main>
      <h1>About Acme</h1>
      <p>This page is a server component; it sends no JavaScript of its own.</p>
    </main>
  );
}
