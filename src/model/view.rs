//! Interaction state, kept apart from the chart description: a redraw is a pure function of
//! (dataset, spec, state, size).

/// What the user has pointed at or chosen. Indices are positions along the chart's x axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Under the pointer, or stepped to with the keyboard.
    pub active: Option<usize>,
    /// Chosen with a click or Enter; stays until Esc or another choice.
    pub pinned: Option<usize>,
}

/// What a key press did, so the web layer knows which event to fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOutcome {
    Ignored,
    Moved,
    Selected,
    Cleared,
}

impl ViewState {
    /// Arrow keys step between the `count` points; Home/End jump; Enter or Space pins;
    /// Escape clears both. Keys that do nothing here are left to the page.
    pub fn key(&mut self, key: &str, count: usize) -> KeyOutcome {
        if count == 0 {
            return KeyOutcome::Ignored;
        }
        let last = count - 1;
        let current = self.active.or(self.pinned);
        let next = match key {
            "ArrowRight" | "ArrowDown" => Some(current.map_or(0, |i| (i + 1).min(last))),
            "ArrowLeft" | "ArrowUp" => Some(current.map_or(last, |i| i.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(last),
            "Enter" | " " => {
                let Some(i) = current else { return KeyOutcome::Ignored };
                self.active = Some(i);
                self.pinned = Some(i);
                return KeyOutcome::Selected;
            }
            "Escape" => {
                if self.active.is_none() && self.pinned.is_none() {
                    return KeyOutcome::Ignored;
                }
                *self = ViewState::default();
                return KeyOutcome::Cleared;
            }
            _ => None,
        };
        match next {
            Some(i) => {
                self.active = Some(i);
                KeyOutcome::Moved
            }
            None => KeyOutcome::Ignored,
        }
    }

    /// Keeps indices valid after the chart changed underneath (new options, fewer years).
    pub fn clamp(&mut self, count: usize) {
        let keep = |i: Option<usize>| i.filter(|&i| i < count);
        self.active = keep(self.active);
        self.pinned = keep(self.pinned);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_step_and_stop_at_the_ends() {
        let mut s = ViewState::default();
        assert_eq!(s.key("ArrowRight", 3), KeyOutcome::Moved);
        assert_eq!(s.active, Some(0));
        s.key("ArrowRight", 3);
        s.key("ArrowRight", 3);
        s.key("ArrowRight", 3);
        assert_eq!(s.active, Some(2));
        s.key("Home", 3);
        assert_eq!(s.active, Some(0));
        s.key("ArrowLeft", 3);
        assert_eq!(s.active, Some(0));
    }

    #[test]
    fn enter_pins_and_escape_clears() {
        let mut s = ViewState::default();
        assert_eq!(s.key("Enter", 3), KeyOutcome::Ignored);
        s.key("End", 3);
        assert_eq!(s.key("Enter", 3), KeyOutcome::Selected);
        assert_eq!(s.pinned, Some(2));
        assert_eq!(s.key("Escape", 3), KeyOutcome::Cleared);
        assert_eq!(s, ViewState::default());
        assert_eq!(s.key("Escape", 3), KeyOutcome::Ignored);
        assert_eq!(s.key("Tab", 3), KeyOutcome::Ignored);
    }

    #[test]
    fn clamp_drops_indices_past_the_end() {
        let mut s = ViewState { active: Some(5), pinned: Some(1) };
        s.clamp(3);
        assert_eq!(s, ViewState { active: None, pinned: Some(1) });
    }
}
