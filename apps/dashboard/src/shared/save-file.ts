// Hands a fetched file to the browser as a download, under its own name.
export function saveFile(fileName: string, blob: Blob): void {
  const address = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = address;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is freed.
  window.setTimeout(() => {
    URL.revokeObjectURL(address);
  }, 10_000);
}
