export default function Home() {
  return (
    <main>
      <h1>Acme</h1>
      <p>The chat launcher in the corner comes from the root layout, on every page.</p>
    </main>
  );
}
