"""Adam, written out: the very arithmetic of ``torch.optim.Adam`` on the CPU, bit for bit.

Why not ``torch.optim.Adam`` itself: its first ``step()`` imports ``torch._dynamo`` (about
1.5 s and 120 MB here), which would freeze the window the moment a teacher presses Play.
This is the single-tensor path torch takes for CPU tensors (no ``foreach``, no ``fused``),
with the defaults the app uses: betas (0.9, 0.999), eps 1e-8, no weight decay, no amsgrad.
The exported notebook uses ``torch.optim.Adam``; a test checks the two give identical
weights step after step.
"""

from __future__ import annotations

import torch


class Adam:
    """The subset of ``torch.optim.Adam`` the trainer uses: ``param_groups[0]["lr"]``,
    ``zero_grad``, ``step``, ``state_dict`` and ``load_state_dict``."""

    def __init__(self, parameters, lr: float, betas=(0.9, 0.999), eps: float = 1e-8) -> None:
        self.parameters = list(parameters)
        self.param_groups = [{"lr": lr}]
        self.betas, self.eps = betas, eps
        # Per parameter, created at its first step (a parameter that gets no gradient, like
        # the Linear layer that multi-head attention builds but never uses, gets no state):
        self.state: dict[int, dict] = {}

    def state_for(self, parameter: torch.Tensor) -> dict:
        """The moments and step count kept for ``parameter`` (empty before its first step)."""
        index = next(i for i, p in enumerate(self.parameters) if p is parameter)
        return self.state.get(index, {})

    def zero_grad(self) -> None:
        for parameter in self.parameters:
            parameter.grad = None

    @torch.no_grad()
    def step(self) -> None:
        lr = self.param_groups[0]["lr"]
        beta1, beta2 = self.betas
        for index, parameter in enumerate(self.parameters):
            grad = parameter.grad
            if grad is None:
                continue
            state = self.state.get(index)
            if state is None:
                state = self.state[index] = {
                    "step": 0.0,
                    "exp_avg": torch.zeros_like(parameter),
                    "exp_avg_sq": torch.zeros_like(parameter),
                }
            state["step"] += 1.0
            step, exp_avg, exp_avg_sq = state["step"], state["exp_avg"], state["exp_avg_sq"]
            exp_avg.lerp_(grad, 1 - beta1)
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            bias_correction1 = 1 - beta1**step
            bias_correction2 = 1 - beta2**step
            step_size = lr / bias_correction1
            denom = (exp_avg_sq.sqrt() / bias_correction2**0.5).add_(self.eps)
            parameter.addcdiv_(exp_avg, denom, value=-step_size)

    def state_dict(self) -> dict:
        return {
            "lr": self.param_groups[0]["lr"],
            "state": {
                index: {
                    "step": state["step"],
                    "exp_avg": state["exp_avg"].clone(),
                    "exp_avg_sq": state["exp_avg_sq"].clone(),
                }
                for index, state in self.state.items()
            },
        }

    def load_state_dict(self, saved: dict) -> None:
        self.param_groups[0]["lr"] = saved["lr"]
        self.state = {
            index: {
                "step": state["step"],
                "exp_avg": state["exp_avg"].clone(),
                "exp_avg_sq": state["exp_avg_sq"].clone(),
            }
            for index, state in saved["state"].items()
        }
