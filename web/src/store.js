// One state cell. commit() asks compute() for the numbers first, so a state the core refuses
// is never shown and the last good one stays; then it tells the subscribers and writes the
// link (rate-limited: browsers throttle history.replaceState, and a drag commits every frame).

export class Store {
  /**
   * compute(state, previous) gives the derived numbers or throws; writeLink(state) is called
   * at most once per linkDelay ms with the latest state.
   */
  constructor({ compute, writeLink = () => {}, linkDelay = 120 }) {
    this.compute = compute;
    this.writeLink = writeLink;
    this.linkDelay = linkDelay;
    this.state = null;
    this.derived = null;
    this.subscribers = new Set();
    this.refusalListeners = new Set();
    this.linkTimer = null;
  }

  /** Shows `next` if the core can: returns null, or the core's reason it was refused.
   *  `how` is passed on to subscribers (what the user is typing in, first render, ...). */
  commit(next, how = {}) {
    let derived;
    try {
      derived = this.compute(next, this.state && { state: this.state, derived: this.derived });
    } catch (error) {
      for (const listener of this.refusalListeners) listener(error.message, next);
      return error.message;
    }
    const first = this.state === null;
    this.state = next;
    this.derived = derived;
    for (const subscriber of this.subscribers) subscriber(next, derived, { ...how, first });
    this.scheduleLink();
    return null;
  }

  /** subscriber(state, derived, how) after every commit; returns the unsubscribe function. */
  subscribe(subscriber) {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** listener(message, refusedState) when a commit is refused. */
  onRefusal(listener) {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  scheduleLink() {
    clearTimeout(this.linkTimer);
    this.linkTimer = setTimeout(() => {
      this.linkTimer = null;
      this.writeLink(this.state);
    }, this.linkDelay);
  }

  destroy() {
    clearTimeout(this.linkTimer);
    this.subscribers.clear();
    this.refusalListeners.clear();
  }
}
