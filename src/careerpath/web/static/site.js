// Progressive enhancement only: every control works as a plain link or form without this file.
document.addEventListener("click", async (event) => {
  const share = event.target.closest("[data-share]");
  if (!share || !navigator.clipboard) return;
  event.preventDefault();
  const status = document.querySelector(".share-status");
  try {
    await navigator.clipboard.writeText(share.dataset.share);
    if (status) status.textContent = "Link copied";
  } catch {
    if (status) status.textContent = share.dataset.share;
  }
});
